using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Lake;
using CartStream.Lake.Sink;
using CartStream.Transform.Batch;
using CartStream.Transform.Parquet;
using CartStream.Transform.Rules;

namespace CartStream.Transform.Input;

/// <summary>
/// Feeds one raw (or dead-letter) Avro file into a <see cref="TransformBatch"/>, all or nothing: the container is
/// read through completely before any record is added, so a file that breaks half-way adds no rows and is
/// quarantined whole instead of leaving half its records in the output.
/// </summary>
internal static class RawFileDecoder
{
    /// <summary>
    /// Adds every record of the file to the batch and returns null, or adds nothing and returns why the file
    /// cannot be read (for the quarantine).
    /// </summary>
    /// <param name="batch">Receives one fact or rejected row per record.</param>
    /// <param name="key">The file's key: partition and start offset come from its name.</param>
    /// <param name="content">The whole file.</param>
    /// <param name="landedAt">When the file was published (dates rejected rows without an event time).</param>
    public static string? Read(TransformBatch batch, string key, ReadOnlyMemory<byte> content, DateTime landedAt)
    {
        var known = LakeLayout.TryParseRawFileKey(key, out var file);
        var partition = known ? file.Partition : -1;
        var startOffset = known ? file.StartOffset : 0;
        var isDeadLetter = known ? file.IsDeadLetter : LakeLayout.AreaOf(key) == Lake.LakeArea.DeadLetter;

        RecordArena arena;
        bool isSalesEvent;
        bool isDeadLetterSchema;
        IReadOnlyDictionary<string, byte[]> metadata;
        try
        {
            using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(content.ToArray(), writable: false);
            using var reader = new AvroContainerReader(stream, key);
            isSalesEvent = reader.IsSalesEventV1;
            isDeadLetterSchema = reader.SchemaJson == DeadLetterSchema.Json;
            metadata = reader.Metadata;
            arena = new RecordArena();
            foreach (var record in reader.ReadRecords())
            {
                arena.Add(record.Span);
            }
        }
        catch (AvroContainerException e)
        {
            return e.Message;
        }

        // The sink names each record's offset: consecutive from the file's start offset, or runs in its header when
        // offsets were skipped (dead letters in the other file, transaction markers). A file from elsewhere, without
        // that header, is taken as consecutive from the offset in its name.
        var runs = RawFileMetadata.TryGetOffsetRuns(metadata, arena.Count) ?? [new OffsetRun(startOffset, arena.Count)];
        var run = 0;
        var inRun = 0;
        var value = new SalesEvent();
        for (var i = 0; i < arena.Count; i++)
        {
            while (inRun >= runs[run].Count)
            {
                run++;
                inRun = 0;
            }

            var bytes = arena[i];
            var origin = new RecordOrigin(key, partition, runs[run].Start + inRun++, landedAt);
            if (isDeadLetter)
            {
                AddDeadLetter(batch, bytes, origin, isDeadLetterSchema);
                continue;
            }

            if (!isSalesEvent)
            {
                batch.AddUnreadable(bytes, origin, RuleCode.UnknownSchema, "the file's writer schema is not the v1 sales event");
                continue;
            }

            try
            {
                SalesEventCodec.Read(bytes, value);
            }
            catch (AvroFormatException e)
            {
                batch.AddUnreadable(bytes, origin, RuleCode.UndecodableRecord, e.Message);
                continue;
            }

            batch.AddEvent(value, origin);
        }

        return null;
    }

    /// <summary>
    /// A dead letter's original message bytes become the rejected row, with the Kafka partition, offset and reason
    /// the sink recorded. Bytes framed as Confluent Avro (magic byte 0 and a schema id) carry a schema this build
    /// could not resolve; anything else is not Avro at all.
    /// </summary>
    private static void AddDeadLetter(TransformBatch batch, ReadOnlySpan<byte> record, in RecordOrigin fileOrigin, bool isDeadLetterSchema)
    {
        if (!isDeadLetterSchema)
        {
            batch.AddUnreadable(record, fileOrigin, DefectCode.NotAvro, "dead letter of an unknown layout, kept whole");
            return;
        }

        ReadOnlySpan<byte> value;
        RecordOrigin origin;
        string reason;
        try
        {
            var reader = new AvroBinaryReader(record);
            reader.ReadString();
            var partition = reader.ReadInt();
            var offset = reader.ReadLong();
            reader.ReadLong();
            if (reader.ReadUnionIndex(2) == 1)
            {
                reader.ReadBytes();
            }

            value = reader.ReadUnionIndex(2) == 1 ? reader.ReadBytes() : default;
            reason = reader.ReadString();
            origin = fileOrigin with { Partition = partition, Offset = offset };
        }
        catch (AvroFormatException e)
        {
            batch.AddUnreadable(record, fileOrigin, DefectCode.NotAvro, $"dead letter that does not decode ({e.Message}), kept whole");
            return;
        }

        var code = value.Length >= 5 && value[0] == 0 ? RuleCode.UnknownSchema : DefectCode.NotAvro;
        batch.AddUnreadable(value, origin, code, reason);
    }
}
