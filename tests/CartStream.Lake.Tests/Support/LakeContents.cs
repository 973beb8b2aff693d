using CartStream.Events.Avro;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Tests.Support;

/// <summary>Every offset found in a partition's published raw and dead-letter files, with the file holding it.</summary>
public static class LakeContents
{
    /// <summary>(offset, key) for every record of <paramref name="topic"/> (and its <c>-dlq</c>) in the store.</summary>
    public static async Task<List<(long Offset, string Key)>> OffsetsAsync(IObjectStore store, string topic, CancellationToken ct)
    {
        var found = new List<(long, string)>();
        foreach (var area in new[] { topic, LakeLayout.DeadLetterTopic(topic) })
        {
            await foreach (var info in store.ListAsync(LakeLayout.TopicPrefix(area), ct))
            {
                await using var stream = await store.OpenReadAsync(info.Key, ct);
                using var reader = new AvroContainerReader(stream, info.Key);
                foreach (var record in reader.ReadRecords())
                {
                    found.Add((area == topic ? OffsetRecords.Decode(record) : DeadLetterOffset(record), info.Key));
                }
            }
        }

        return found;
    }

    private static long DeadLetterOffset(ReadOnlyMemory<byte> record)
    {
        var reader = new AvroBinaryReader(record.Span);
        _ = reader.ReadString();
        _ = reader.ReadInt();
        return reader.ReadLong();
    }
}
