namespace CartStream.Transform.Dedup;

/// <summary>
/// Event ids already seen in one Kafka partition, each with where it was first seen (file and offset), so the
/// later copy of an event is the duplicate while re-reading the first copy's own file finds itself, not a duplicate.
/// </summary>
/// <remarks>
/// One index per partition is exact: a duplicate repeats its order id, the Kafka key, so it lands in the same
/// partition as the original. Memory is bounded by <see cref="Compact"/>: at most a capacity of ids (~60 bytes each
/// with the dictionary's overhead), and none older than a horizon behind the newest event time seen. A duplicate
/// arriving beyond either bound is not caught here; the warehouse's unique event id catches it at load.
/// </remarks>
internal sealed partial class DedupIndex
{
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIds = new(StringComparer.Ordinal);
    private long _nextSequence;

    /// <summary>Ids held.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Records <paramref name="eventId"/> as seen at (<paramref name="file"/>, <paramref name="offset"/>) unless it
    /// was seen before; returns true when it was seen before at another place (the record is a duplicate).
    /// </summary>
    public bool IsDuplicate(Guid eventId, string file, long offset, DateTime? eventTime)
    {
        var fileId = FileId(file);
        if (_entries.TryGetValue(eventId, out var first))
        {
            return first.File != fileId || first.Offset != offset;
        }

        var ticks = eventTime?.Ticks ?? 0;
        _entries[eventId] = new Entry(fileId, offset, ticks, _nextSequence++);
        return false;
    }

    /// <summary>Where an id was first seen, for tests and diagnostics.</summary>
    public (string File, long Offset)? FirstSeen(Guid eventId) =>
        _entries.TryGetValue(eventId, out var e) ? (_files[e.File], e.Offset) : null;

    /// <summary>
    /// Forgets ids whose event time is more than <paramref name="horizon"/> before the newest event time seen (ids
    /// without an event time are kept by age only), then the oldest-registered ids beyond <paramref name="capacity"/>.
    /// <paramref name="nowUtc"/> caps the newest event time, so a future-dated event cannot evict everything.
    /// </summary>
    public void Compact(int capacity, TimeSpan horizon, DateTime nowUtc)
    {
        // The horizon trails the newest plausible event time, not the clock, so a backfill of old data keeps its
        // ids; future-dated events (rejected anyway) are ignored, or one of them would evict everything.
        var cap = nowUtc.Ticks + TimeSpan.TicksPerDay;
        var newest = 0L;
        foreach (var entry in _entries.Values)
        {
            if (entry.EventTicks > newest && entry.EventTicks <= cap)
            {
                newest = entry.EventTicks;
            }
        }

        var oldestKept = newest - horizon.Ticks;
        List<Guid>? evict = null;
        foreach (var (id, entry) in _entries)
        {
            if (entry.EventTicks != 0 && entry.EventTicks < oldestKept)
            {
                (evict ??= []).Add(id);
            }
        }

        foreach (var id in evict ?? [])
        {
            _entries.Remove(id);
        }

        if (_entries.Count > capacity)
        {
            var cut = _entries.Values.Select(e => e.Sequence).Order().ElementAt(_entries.Count - capacity);
            foreach (var id in _entries.Where(p => p.Value.Sequence < cut).Select(p => p.Key).ToList())
            {
                _entries.Remove(id);
            }
        }
    }

    private int FileId(string file)
    {
        if (!_fileIds.TryGetValue(file, out var id))
        {
            id = _files.Count;
            _files.Add(file);
            _fileIds[file] = id;
        }

        return id;
    }

    private readonly record struct Entry(int File, long Offset, long EventTicks, long Sequence);
}
