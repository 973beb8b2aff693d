using System.Diagnostics;
using CartStream.Events.Avro;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Sink;

/// <summary>
/// A batch a <see cref="PartitionFileWriter"/> has closed: its records no longer change, so its files can be
/// written (on another thread, while the writer fills the next batch) and rewritten identically after a failure.
/// </summary>
internal sealed class SealedBatch(
    string topic, int partition, PartitionFileWriterOptions options, RecordBuffer records, RecordBuffer deadLetters,
    WriterSchema? schema, DateTimeOffset firstTimestamp, long batchStart, long batchEnd)
{
    public RecordBuffer Records => records;

    public RecordBuffer DeadLetters => deadLetters;

    public long BatchStart => batchStart;

    public long BatchEnd => batchEnd;

    public long Bytes => records.Bytes + deadLetters.Bytes;

    /// <summary>Writes the dead-letter file, the raw file, then the state record. Safe to call again after a failure.</summary>
    public async Task<PublishedBatch> WriteAsync(IObjectStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var fileCount = (records.Count > 0 ? 1 : 0) + (deadLetters.Count > 0 ? 1 : 0);
        var files = new List<PublishedFile>(fileCount);
        long bytes = 0;
        if (deadLetters.Count > 0)
        {
            var (file, size) = await WriteFileAsync(store, deadLetters, LakeLayout.DeadLetterTopic(topic), DeadLetterSchema.Json, schemaId: null, fileCount, cancellationToken);
            files.Add(file);
            bytes += size;
        }

        if (records.Count > 0)
        {
            var (file, size) = await WriteFileAsync(store, records, topic, schema!.Json, schema.Id, fileCount, cancellationToken);
            files.Add(file);
            bytes += size;
        }

        var state = new SinkPartitionState(topic, partition, batchEnd, files.Select(f => f.Key).ToList(), now)
        {
            StartOffset = batchStart,
            FileDetails = files,
        };
        await state.WriteAsync(store, cancellationToken);
        // Counted once the state record says the files exist: a failed attempt written again is not counted twice.
        LakeSinkMetrics.Bytes.Add(bytes);
        LakeSinkMetrics.PublishDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new PublishedBatch(topic, partition, batchStart, batchEnd, files) { FirstRecordTime = firstTimestamp };
    }

    private async Task<(PublishedFile File, long Bytes)> WriteFileAsync(
        IObjectStore store, RecordBuffer buffer, string fileTopic, string schemaJson, int? schemaId, int fileCount, CancellationToken cancellationToken)
    {
        var key = options.TimeBasedLayout
            ? LakeLayout.TimeBasedRawFileKey(fileTopic, partition, buffer.FirstOffset, firstTimestamp)
            : LakeLayout.RawFileKey(fileTopic, partition, buffer.FirstOffset);
        List<KeyValuePair<string, byte[]>> metadata =
        [
            RawFileMetadata.Entry(RawFileMetadata.Topic, topic),
            RawFileMetadata.Entry(RawFileMetadata.Partition, partition),
            RawFileMetadata.Entry(RawFileMetadata.StartOffset, buffer.FirstOffset),
            RawFileMetadata.Entry(RawFileMetadata.EndOffset, buffer.LastOffset),
            RawFileMetadata.Entry(RawFileMetadata.BatchStartOffset, batchStart),
            RawFileMetadata.Entry(RawFileMetadata.BatchEndOffset, batchEnd),
            RawFileMetadata.Entry(RawFileMetadata.BatchFiles, fileCount),
        ];
        if (schemaId is { } id)
        {
            metadata.Add(RawFileMetadata.Entry(RawFileMetadata.SchemaId, id));
        }

        if (buffer.Runs.Count > 1)
        {
            metadata.Add(RawFileMetadata.Entry(RawFileMetadata.Offsets, RawFileMetadata.FormatOffsets(buffer.Runs)));
        }

        using var file = new PooledBufferStream();
        using (var writer = new AvroContainerWriter(file, schemaJson, options.Codec, new AvroContainerWriterOptions { Metadata = metadata, LeaveOpen = true }))
        {
            foreach (var record in buffer.Records())
            {
                writer.Append(record.Span);
            }
        }

        file.Position = 0;
        var bytes = file.Length;
        await store.PutAsync(key, file, cancellationToken);
        return (new PublishedFile(key, buffer.FirstOffset, buffer.LastOffset, buffer.Count, fileTopic != topic), bytes);
    }
}
