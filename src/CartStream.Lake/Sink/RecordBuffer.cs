using System.Buffers;
using System.Buffers.Binary;

namespace CartStream.Lake.Sink;

/// <summary>Encoded records of one file to be, with their offsets, kept until the file is published.</summary>
/// <remarks>
/// Records live in chunks rented from <see cref="ArrayPool{T}.Shared"/>, each record behind its 4-byte length,
/// and every chunk goes back to the pool on <see cref="Clear"/>. So what a buffer holds is what it buffers (rounded
/// up to one chunk), not the largest batch it ever saw: with many partitions, idle ones cost nothing.
/// </remarks>
internal sealed class RecordBuffer
{
    private const int ChunkSize = 64 * 1024;
    private const int LengthPrefix = sizeof(int);
    private readonly List<(byte[] Array, int Used)> _chunks = [];
    private readonly List<OffsetRun> _runs = [];

    public int Count { get; private set; }

    /// <summary>Bytes of the records themselves (without the length prefixes).</summary>
    public long Bytes { get; private set; }

    public long FirstOffset { get; private set; } = -1;

    public long LastOffset { get; private set; } = -1;

    /// <summary>The records' offsets as runs of consecutive offsets: one run unless offsets were skipped.</summary>
    public IReadOnlyList<OffsetRun> Runs => _runs;

    /// <summary>Adds one record at <paramref name="offset"/>, kept contiguous in one chunk.</summary>
    public void Append(long offset, ReadOnlySpan<byte> record)
    {
        var needed = record.Length + LengthPrefix;
        if (_chunks.Count == 0 || _chunks[^1].Array.Length - _chunks[^1].Used < needed)
        {
            _chunks.Add((ArrayPool<byte>.Shared.Rent(Math.Max(ChunkSize, needed)), 0));
        }

        var (array, used) = _chunks[^1];
        BinaryPrimitives.WriteInt32LittleEndian(array.AsSpan(used), record.Length);
        record.CopyTo(array.AsSpan(used + LengthPrefix));
        _chunks[^1] = (array, used + needed);
        Count++;
        Bytes += record.Length;
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
        foreach (var (array, used) in _chunks)
        {
            var position = 0;
            while (position < used)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(array.AsSpan(position));
                yield return new ReadOnlyMemory<byte>(array, position + LengthPrefix, length);
                position += LengthPrefix + length;
            }
        }
    }

    public void Clear()
    {
        foreach (var (array, _) in _chunks)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _chunks.Clear();
        _runs.Clear();
        Count = 0;
        Bytes = 0;
        FirstOffset = -1;
        LastOffset = -1;
    }
}
