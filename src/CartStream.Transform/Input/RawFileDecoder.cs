using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Lake;
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
        try
        {
            using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(content.ToArray(), writable: false);
            using var reader = new AvroContainerReader(stream, key);
            isSalesEvent = reader.IsSalesEventV1;
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

        var value = new SalesEvent();
        for (var i = 0; i < arena.Count; i++)
        {
            var bytes = arena[i];
            var origin = new RecordOrigin(key, partition, startOffset + i, landedAt);
            if (isDeadLetter)
            {
                batch.AddUnreadable(bytes, origin, DefectCode.NotAvro, "dead-lettered by the lake sink");
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
}
