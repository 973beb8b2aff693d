using System.Globalization;
using System.Text;
using CartStream.Events.Avro;
using CartStream.Lake;
using CartStream.Lake.Sink;

namespace CartStream.Retention;

/// <summary>
/// Which Kafka offsets a raw or dead-letter file holds, read the way the sink wrote them (docs/lake.md): a
/// dead-letter record names its own partition and offset; a raw file holds its batch's offsets from its start to
/// its end offset that are not dead letters.
/// </summary>
internal static class RawFileRecords
{
    /// <summary>The (partition, offset) of every record of a dead-letter file.</summary>
    public static List<(int Partition, long Offset)> DeadLetterAddresses(byte[] content, string key)
    {
        using var reader = new AvroContainerReader(new MemoryStream(content), key);
        var addresses = new List<(int, long)>();
        foreach (var record in reader.ReadRecords())
        {
            addresses.Add(ReadAddress(record.Span));
        }

        return addresses;
    }

    /// <summary>
    /// The offsets of a raw file's records: its start to end offset less <paramref name="deadLetters"/> of its
    /// partition. Null when that count disagrees with the records in the file (the offsets cannot be accounted for).
    /// </summary>
    public static List<long>? RawOffsets(byte[] content, string key, RawFileId id, IReadOnlySet<long>? deadLetters, out long records)
    {
        using var reader = new AvroContainerReader(new MemoryStream(content), key);
        var start = Metadata(reader, RawFileMetadata.StartOffset, id.StartOffset);
        var end = Metadata(reader, RawFileMetadata.EndOffset, -1);
        records = reader.ReadBlocks().Sum(b => (long)b.RecordCount);
        var offsets = new List<long>();
        for (var offset = start; offset <= end; offset++)
        {
            if (deadLetters?.Contains(offset) != true)
            {
                offsets.Add(offset);
            }
        }

        return offsets.Count == records ? offsets : null;
    }

    private static long Metadata(AvroContainerReader reader, string key, long fallback) =>
        reader.Metadata.TryGetValue(key, out var bytes) && long.TryParse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The partition and offset fields of a <see cref="DeadLetterSchema"/> record (after its topic string).</summary>
    private static (int Partition, long Offset) ReadAddress(ReadOnlySpan<byte> record)
    {
        var reader = new AvroBinaryReader(record);
        reader.ReadBytes();
        var partition = reader.ReadInt();
        return (partition, reader.ReadLong());
    }
}
