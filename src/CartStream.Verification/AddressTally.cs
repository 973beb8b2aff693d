namespace CartStream.Verification;

/// <summary>
/// Counts where each record of the topic is seen in one place (the lake, the model), then lists every record not
/// seen exactly once, naming the files. Memory: four bytes per record of the topic (the first file it was seen
/// in), plus the extra sightings of doubled records.
/// </summary>
public sealed class AddressTally
{
    private const int Unseen = -1;
    private readonly string _place;
    private readonly Dictionary<int, int[]> _firstFile = [];
    private readonly Dictionary<RecordAddress, List<int>> _extraFiles = [];
    private readonly List<(RecordAddress Record, int File)> _unexpected = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIndex = new(StringComparer.Ordinal);

    /// <summary>A tally of <paramref name="place"/> against a topic holding offsets [0, high watermark) of each partition.</summary>
    public AddressTally(string place, IReadOnlyDictionary<int, long> highWatermarks)
    {
        ArgumentNullException.ThrowIfNull(highWatermarks);
        _place = place;
        foreach (var (partition, high) in highWatermarks)
        {
            var first = new int[checked((int)high)];
            Array.Fill(first, Unseen);
            _firstFile[partition] = first;
        }
    }

    /// <summary>Sightings so far, in or out of the topic.</summary>
    public long Seen { get; private set; }

    /// <summary>Notes one sighting of <paramref name="record"/> in the file <paramref name="file"/>.</summary>
    public void Add(RecordAddress record, string file)
    {
        Seen++;
        var fileIndex = IndexOf(file);
        if (!_firstFile.TryGetValue(record.Partition, out var first) || record.Offset < 0 || record.Offset >= first.Length)
        {
            _unexpected.Add((record, fileIndex));
        }
        else if (first[record.Offset] == Unseen)
        {
            first[record.Offset] = fileIndex;
        }
        else if (_extraFiles.TryGetValue(record, out var extra))
        {
            extra.Add(fileIndex);
        }
        else
        {
            _extraFiles[record] = [fileIndex];
        }
    }

    /// <summary>Every record lost, doubled or unexpected in this place, in partition and offset order.</summary>
    public IEnumerable<Discrepancy> Discrepancies()
    {
        foreach (var (partition, first) in _firstFile.OrderBy(p => p.Key))
        {
            for (var offset = 0; offset < first.Length; offset++)
            {
                if (first[offset] == Unseen)
                {
                    yield return new Discrepancy(_place, DiscrepancyKind.Lost, new RecordAddress(partition, offset), []);
                }
            }
        }

        foreach (var (record, extra) in _extraFiles.OrderBy(e => e.Key.Partition).ThenBy(e => e.Key.Offset))
        {
            var first = _firstFile[record.Partition][record.Offset];
            yield return new Discrepancy(_place, DiscrepancyKind.Doubled, record, [_files[first], .. extra.Select(i => _files[i])]);
        }

        foreach (var group in _unexpected.GroupBy(u => u.Record))
        {
            yield return new Discrepancy(_place, DiscrepancyKind.Unexpected, group.Key, [.. group.Select(g => _files[g.File])]);
        }
    }

    private int IndexOf(string file)
    {
        if (!_fileIndex.TryGetValue(file, out var index))
        {
            index = _files.Count;
            _files.Add(file);
            _fileIndex[file] = index;
        }

        return index;
    }
}
