using System.Buffers;

namespace CartStream.Lake.Sink;

/// <summary>Encoded records of one file to be, with their offsets, kept until the file is published.</summary>
internal sealed class RecordBuffer
{
    private readonly ArrayBufferWriter<byte> _bytes = new(64 * 1024);
    private readonly List<int> _lengths = [];
    private readonly List<OffsetRun> _runs = [];

    public int Count => _lengths.Count;

    public long Bytes => _bytes.WrittenCount;

    public long FirstOffset { get; private set; } = -1;

    public long LastOffset { get; private set; } = -1;

    public IBufferWriter<byte> Writer => _bytes;

    /// <summary>The records' offsets as runs of consecutive offsets: one run unless offsets were skipped.</summary>
    public IReadOnlyList<OffsetRun> Runs => _runs;

    /// <summary>Records that the bytes written to <see cref="Writer"/> since the last call are one record at <paramref name="offset"/>.</summary>
    public void Commit(long offset, int startLength)
    {
        _lengths.Add(_bytes.WrittenCount - startLength);
        if (FirstOffset < 0)
        {
            FirstOffset = offset;
        }

        // A skipped offset (a dead letter kept in the other file, a transaction marker, a compacted record) starts
        // a new run, so the file can say exactly which offset each record has.
        if (_runs.Count > 0 && offset == LastOffset + 1)
        {
            _runs[^1] = _runs[^1] with { Count = _runs[^1].Count + 1 };
        }
        else
        {
            _runs.Add(new OffsetRun(offset, 1));
        }

        LastOffset = offset;
    }

    public IEnumerable<ReadOnlyMemory<byte>> Records()
    {
        var position = 0;
        foreach (var length in _lengths)
        {
            yield return _bytes.WrittenMemory.Slice(position, length);
            position += length;
        }
    }

    public void Clear()
    {
        _bytes.Clear();
        _lengths.Clear();
        _runs.Clear();
        FirstOffset = -1;
        LastOffset = -1;
    }
}
