using System.Buffers;
using CartStream.Events.Avro;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Sink;

/// <summary>
/// The sink's core for one Kafka partition, without Kafka: takes records in offset order, keeps them until a
/// rotation rule closes the batch, then publishes it through the object store as an Avro container file named by
/// its first offset (and a <c>-dlq</c> file for records that could not be landed), and records the batch's end
/// offset under <c>_state/sink/</c>.
/// </summary>
/// <remarks>
/// Exactly-once rests on three things: file names are fixed by their first offset, files become visible
/// atomically, and the state record is written only after the files (and the Kafka commit only after the state).
/// So at most one batch can be visible beyond the state record, and <see cref="PartitionRecovery"/> either adopts
/// it whole or deletes it before the sink resumes. If a publish fails, nothing is forgotten: call
/// <see cref="PublishAsync"/> (or the append that failed) again; it rewrites the same keys. Not thread-safe.
/// Memory: the batch's encoded records, at most <see cref="PartitionFileWriterOptions.MaxBufferedBytes"/> plus one record.
/// </remarks>
public sealed class PartitionFileWriter
{
    private readonly IObjectStore _store;
    private readonly PartitionFileWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly RecordBuffer _records = new();
    private readonly RecordBuffer _deadLetters = new();
    private WriterSchema? _schema;
    private DateTimeOffset _batchFirstTimestamp;
    private long _openedAt;
    private long _lastOffset;
    private long _publishedEnd;

    /// <summary>A writer for <paramref name="topic"/>/<paramref name="partition"/> whose next record is at or after <paramref name="nextOffset"/>.</summary>
    public PartitionFileWriter(IObjectStore store, string topic, int partition, PartitionFileWriterOptions options, long nextOffset = 0, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(nextOffset);
        _ = LakeLayout.PartitionPrefix(topic, partition);
        if (options.RecordTimeInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), interval, "RecordTimeInterval must be positive (or null for no record-time rotation).");
        }

        _store = store;
        Topic = topic;
        Partition = partition;
        _options = options;
        _time = time ?? TimeProvider.System;
        _lastOffset = nextOffset - 1;
        _publishedEnd = nextOffset - 1;
    }

    /// <summary>The topic.</summary>
    public string Topic { get; }

    /// <summary>The partition.</summary>
    public int Partition { get; }

    /// <summary>True when no record waits to be published.</summary>
    public bool IsEmpty => _records.Count == 0 && _deadLetters.Count == 0;

    /// <summary>Records waiting, good and dead-letter.</summary>
    public int BufferedRecords => _records.Count + _deadLetters.Count;

    /// <summary>Bytes of encoded records waiting: what a sink adds up across partitions to bound its memory.</summary>
    public long BufferedBytes => _records.Bytes + _deadLetters.Bytes;

    /// <summary>
    /// True when the batch must be published now: it is full (records or bytes) or has been open for
    /// <see cref="PartitionFileWriterOptions.MaxFileAge"/>.
    /// </summary>
    public bool IsDue => !IsEmpty && (IsFull || _time.GetElapsedTime(_openedAt) >= _options.MaxFileAge);

    private bool IsFull => BufferedRecords >= _options.MaxRecords || BufferedBytes >= _options.MaxBufferedBytes;

    /// <summary>
    /// Adds a record that is Avro binary for <paramref name="schema"/> (the Kafka value without its 5-byte
    /// wire-format prefix). If the record cannot join the open batch (full, another record-time interval or hour,
    /// another schema), the open batch is published first and returned.
    /// </summary>
    public async Task<PublishedBatch?> AppendAsync(long offset, DateTimeOffset timestamp, WriterSchema schema, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        CheckOrder(offset);
        var published = !IsEmpty && MustCloseBefore(timestamp, schema) ? await PublishAsync(cancellationToken) : null;
        Opening(timestamp);
        _schema = schema;
        var start = (int)_records.Bytes;
        _records.Writer.Write(record.Span);
        _records.Commit(offset, start);
        _lastOffset = offset;
        return published;
    }

    /// <summary>
    /// Adds a record the sink could not land as an event (wrong magic byte, unknown schema id, not Avro) with
    /// its original key and value and the reason. It goes to the batch's <c>-dlq</c> file.
    /// </summary>
    public async Task<PublishedBatch?> AppendDeadLetterAsync(
        long offset, DateTimeOffset timestamp, ReadOnlyMemory<byte>? key, ReadOnlyMemory<byte>? value, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        CheckOrder(offset);
        var published = !IsEmpty && MustCloseBefore(timestamp, schema: null) ? await PublishAsync(cancellationToken) : null;
        Opening(timestamp);
        var start = (int)_deadLetters.Bytes;
        DeadLetterSchema.Encode(
            _deadLetters.Writer, Topic, Partition, offset, timestamp,
            key.GetValueOrDefault().Span, key.HasValue, value.GetValueOrDefault().Span, value.HasValue, reason);
        _deadLetters.Commit(offset, start);
        _lastOffset = offset;
        return published;
    }

    /// <summary>Publishes the open batch if <see cref="IsDue"/>; call it when polling returns nothing, too.</summary>
    public Task<PublishedBatch?> PublishIfDueAsync(CancellationToken cancellationToken = default) =>
        IsDue ? PublishAsync(cancellationToken) : Task.FromResult<PublishedBatch?>(null);

    /// <summary>
    /// Publishes the open batch now (rotation, partition revoked, shutdown): the dead-letter file, the raw file,
    /// then the state record. Returns null when nothing waits. On failure everything stays buffered.
    /// </summary>
    public async Task<PublishedBatch?> PublishAsync(CancellationToken cancellationToken = default)
    {
        if (IsEmpty)
        {
            return null;
        }

        // A batch covers every offset since the previous one, gaps included (transaction markers, compaction),
        // so consecutive batches are contiguous and recovery can check that none is missing.
        var batchStart = _publishedEnd + 1;
        var batchEnd = Math.Max(_records.LastOffset, _deadLetters.LastOffset);
        var fileCount = (_records.Count > 0 ? 1 : 0) + (_deadLetters.Count > 0 ? 1 : 0);
        var files = new List<PublishedFile>(fileCount);
        if (_deadLetters.Count > 0)
        {
            files.Add(await PublishFileAsync(_deadLetters, LakeLayout.DeadLetterTopic(Topic), DeadLetterSchema.Json, schemaId: null, batchStart, batchEnd, fileCount, cancellationToken));
        }

        if (_records.Count > 0)
        {
            files.Add(await PublishFileAsync(_records, Topic, _schema!.Json, _schema.Id, batchStart, batchEnd, fileCount, cancellationToken));
        }

        var state = new SinkPartitionState(Topic, Partition, batchEnd, files.Select(f => f.Key).ToList(), _time.GetUtcNow());
        await state.WriteAsync(_store, cancellationToken);
        _records.Clear();
        _deadLetters.Clear();
        _schema = null;
        _publishedEnd = batchEnd;
        return new PublishedBatch(Topic, Partition, batchStart, batchEnd, files);
    }

    /// <summary>Drops what is buffered without publishing (the partition was revoked and another sink owns it now).</summary>
    public void Discard()
    {
        _records.Clear();
        _deadLetters.Clear();
        _schema = null;
        _lastOffset = _publishedEnd;
    }

    private void CheckOrder(long offset)
    {
        if (offset <= _lastOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"Offsets of {Topic}/{Partition} must increase: {offset} follows {_lastOffset}.");
        }
    }

    private void Opening(DateTimeOffset timestamp)
    {
        if (IsEmpty)
        {
            _batchFirstTimestamp = timestamp;
            _openedAt = _time.GetTimestamp();
        }
    }

    private bool MustCloseBefore(DateTimeOffset timestamp, WriterSchema? schema)
    {
        if (IsFull || (schema is not null && _schema is not null && schema.Id != _schema.Id))
        {
            return true;
        }

        if (_options.RecordTimeInterval is { } interval && Bucket(timestamp, interval) != Bucket(_batchFirstTimestamp, interval))
        {
            return true;
        }

        return _options.TimeBasedLayout && Bucket(timestamp, TimeSpan.FromHours(1)) != Bucket(_batchFirstTimestamp, TimeSpan.FromHours(1));
    }

    private static long Bucket(DateTimeOffset time, TimeSpan interval) =>
        (long)Math.Floor(time.ToUnixTimeMilliseconds() / interval.TotalMilliseconds);

    private async Task<PublishedFile> PublishFileAsync(
        RecordBuffer buffer, string topic, string schemaJson, int? schemaId, long batchStart, long batchEnd, int fileCount, CancellationToken cancellationToken)
    {
        var key = _options.TimeBasedLayout
            ? LakeLayout.TimeBasedRawFileKey(topic, Partition, buffer.FirstOffset, _batchFirstTimestamp)
            : LakeLayout.RawFileKey(topic, Partition, buffer.FirstOffset);
        List<KeyValuePair<string, byte[]>> metadata =
        [
            RawFileMetadata.Entry(RawFileMetadata.Topic, Topic),
            RawFileMetadata.Entry(RawFileMetadata.Partition, Partition),
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

        using var file = new MemoryStream((int)Math.Min(int.MaxValue, buffer.Bytes + 4096));
        using (var writer = new AvroContainerWriter(file, schemaJson, _options.Codec, new AvroContainerWriterOptions { Metadata = metadata, LeaveOpen = true }))
        {
            foreach (var record in buffer.Records())
            {
                writer.Append(record.Span);
            }
        }

        file.Position = 0;
        await _store.PutAsync(key, file, cancellationToken);
        return new PublishedFile(key, buffer.FirstOffset, buffer.LastOffset, buffer.Count, topic != Topic);
    }
}
