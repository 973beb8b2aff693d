using System.Globalization;
using System.Text;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Lake;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;

namespace CartStream.Transform.Tests.Support;

/// <summary>Writes raw files the way the lake sink lands them: Avro container files under topics/.</summary>
internal static class RawFiles
{
    public const string Topic = "sales";

    public static async Task<string> PutEventsAsync(IObjectStore store, int partition, long startOffset, IEnumerable<SalesEvent> events, CancellationToken cancellationToken, string? offsets = null)
    {
        using var buffer = new MemoryStream();
        // The sink's header naming each record's offset, for a file whose offsets are not consecutive.
        var options = offsets is null ? new AvroContainerWriterOptions() : new AvroContainerWriterOptions
        {
            Metadata = [new(RawFileMetadata.StartOffset, Encoding.UTF8.GetBytes(startOffset.ToString(CultureInfo.InvariantCulture))),
                new(RawFileMetadata.Offsets, Encoding.UTF8.GetBytes(offsets))],
        };

        using (var writer = new AvroContainerWriter(buffer, SalesEventSchema.Json, AvroCodec.Null, options))
        {
            foreach (var e in events)
            {
                writer.Write(e);
            }
        }

        var key = LakeLayout.RawFileKey(Topic, partition, startOffset);
        await store.PutAsync(key, buffer.ToArray(), cancellationToken);
        return key;
    }

    /// <summary>A dead-letter file as the sink writes it: one record per message it could not land, at consecutive offsets.</summary>
    public static async Task<string> PutDeadLettersAsync(IObjectStore store, int partition, long startOffset, IEnumerable<byte[]> payloads, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new AvroContainerWriter(buffer, DeadLetterSchema.Json, AvroCodec.Null, new AvroContainerWriterOptions()))
        {
            var offset = startOffset;
            foreach (var payload in payloads)
            {
                var record = new System.Buffers.ArrayBufferWriter<byte>();
                DeadLetterSchema.Encode(record, Topic, partition, offset++, DateTimeOffset.UnixEpoch, default, false, payload, true, "wrong magic byte");
                writer.Append(record.WrittenSpan);
            }
        }

        var key = LakeLayout.DeadLetterFileKey(Topic, partition, startOffset);
        await store.PutAsync(key, buffer.ToArray(), cancellationToken);
        return key;
    }
}
