using System.Globalization;
using System.Text;
using CartStream.Events.Avro;
using CartStream.Lake;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Retention;

namespace CartStream.Verification;

/// <summary>
/// The lake's side: every record of the topic should be in exactly one raw or dead-letter file. Dead-letter
/// records name their offset; a raw file holds, in order, its batch's offsets between its start and end offsets
/// that are not dead letters (the sink's contract, docs/lake.md). A file retention deleted counts through its
/// ledger line (its offsets), unless the file is still present, which then counts instead.
/// </summary>
internal static class LakeInventory
{
    /// <summary>Marks a sighting that comes from the retention ledger, not from a file in the lake.</summary>
    public const string DeletedSuffix = " (deleted, in the retention ledger)";

    public static async Task CountAsync(IObjectStore store, string topic, IReadOnlyList<LedgerEntry> ledger, AddressTally tally, List<string> problems, CancellationToken cancellationToken)
    {
        var raw = new List<(string Key, RawFileId Id)>();
        var deadLetters = new Dictionary<int, HashSet<long>>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var file in store.ListAsync(LakeLayout.TopicsArea, cancellationToken))
        {
            present.Add(file.Key);
            if (!LakeLayout.TryParseRawFileKey(file.Key, out var id) || id.SourceTopic != topic)
            {
                continue;
            }

            if (!id.IsDeadLetter)
            {
                raw.Add((file.Key, id));
                continue;
            }

            using var reader = new AvroContainerReader(new MemoryStream(await store.ReadAllBytesAsync(file.Key, cancellationToken)), file.Key);
            foreach (var record in reader.ReadRecords())
            {
                var address = ReadDeadLetterAddress(record.Span);
                tally.Add(address, file.Key);
                (deadLetters.TryGetValue(address.Partition, out var set) ? set : deadLetters[address.Partition] = []).Add(address.Offset);
            }
        }

        foreach (var entry in ledger)
        {
            if (entry.Area is not (LakeArea.Raw or LakeArea.DeadLetter) || present.Contains(entry.Key))
            {
                continue;
            }

            foreach (var range in entry.Ranges.Where(r => r.Topic == topic))
            {
                for (var offset = range.First; offset <= range.Last; offset++)
                {
                    var address = new RecordAddress(range.Partition, offset);
                    tally.Add(address, entry.Key + DeletedSuffix);
                    if (entry.Area == LakeArea.DeadLetter)
                    {
                        (deadLetters.TryGetValue(address.Partition, out var set) ? set : deadLetters[address.Partition] = []).Add(address.Offset);
                    }
                }
            }
        }

        foreach (var (key, id) in raw)
        {
            using var reader = new AvroContainerReader(new MemoryStream(await store.ReadAllBytesAsync(key, cancellationToken)), key);
            var start = Metadata(reader, RawFileMetadata.StartOffset, id.StartOffset);
            var end = Metadata(reader, RawFileMetadata.EndOffset, -1);
            var records = reader.ReadBlocks().Sum(b => b.RecordCount);
            var skipped = deadLetters.GetValueOrDefault(id.Partition);
            long expected = 0;
            for (var offset = start; offset <= end; offset++)
            {
                if (skipped?.Contains(offset) != true)
                {
                    tally.Add(new RecordAddress(id.Partition, offset), key);
                    expected++;
                }
            }

            if (records != expected)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"lake: {key} holds {records} records, but its offsets {start}-{end} less dead letters make {expected}"));
            }
        }
    }

    private static long Metadata(AvroContainerReader reader, string key, long fallback) =>
        reader.Metadata.TryGetValue(key, out var bytes) && long.TryParse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The partition and offset fields of a <see cref="DeadLetterSchema"/> record (after its topic string).</summary>
    private static RecordAddress ReadDeadLetterAddress(ReadOnlySpan<byte> record)
    {
        var reader = new AvroBinaryReader(record);
        reader.ReadBytes();
        var partition = reader.ReadInt();
        return new RecordAddress(partition, reader.ReadLong());
    }
}
