using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace CartStream.Broker.Storage;

/// <summary>
/// One segment of a partition log: <c>{baseOffset:D20}.log</c> holding whole record batches back to back, and
/// <c>.index</c> holding a sparse map (every <c>IndexIntervalBytes</c>) from offset to file position.
/// Appends happen under the partition's lock; reads run concurrently and see only <see cref="Size"/>, which
/// moves past a batch only once all its bytes are written.
/// </summary>
internal sealed class LogSegment : IDisposable
{
    private readonly SafeFileHandle _log;
    private readonly SafeFileHandle _index;
    private readonly int _indexInterval;
    private long[] _entries = new long[64];
    private int _entryCount;
    private long _indexFileSize;
    private long _bytesSinceIndexEntry;
    private long _size;

    private LogSegment(string directory, long baseOffset, int indexInterval)
    {
        BaseOffset = baseOffset;
        LogPath = Path.Combine(directory, $"{baseOffset:D20}.log");
        IndexPath = Path.Combine(directory, $"{baseOffset:D20}.index");
        _indexInterval = indexInterval;
        _log = File.OpenHandle(LogPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        _index = File.OpenHandle(IndexPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        NextOffset = baseOffset;
    }

    public long BaseOffset { get; }

    public string LogPath { get; }

    public string IndexPath { get; }

    /// <summary>Bytes of whole batches in the file: readers never look past this.</summary>
    public long Size => Volatile.Read(ref _size);

    /// <summary>The offset the next batch appended here gets.</summary>
    public long NextOffset { get; private set; }

    /// <summary>Newest record timestamp in the segment, for time-based retention.</summary>
    public long MaxTimestamp { get; private set; } = -1;

    public bool IsDirty { get; set; }

    public static LogSegment Create(string directory, long baseOffset, int indexInterval) =>
        new(directory, baseOffset, indexInterval);

    /// <summary>
    /// Opens an existing segment and walks its batches: the valid prefix is kept and a torn or corrupt tail
    /// (a batch cut short by a kill, a bad CRC, a broken offset chain) is cut off the file.
    /// </summary>
    public static LogSegment Recover(string directory, long baseOffset, int indexInterval, bool checkCrc,
        Action<RecordBatch> onBatch, out bool truncated)
    {
        var segment = new LogSegment(directory, baseOffset, indexInterval);
        var fileLength = RandomAccess.GetLength(segment._log);
        var header = new byte[RecordBatch.HeaderSize];
        byte[] body = [];
        long position = 0;
        var expectedOffset = baseOffset;
        while (position < fileLength)
        {
            if (RandomAccess.Read(segment._log, header, position) < RecordBatch.HeaderSize
                || !RecordBatch.TryRead(header, out var batch)
                || batch.Magic != 2
                || batch.BaseOffset != expectedOffset
                || batch.LastOffsetDelta < 0
                || position + batch.TotalSize > fileLength)
            {
                break;
            }

            if (checkCrc)
            {
                if (body.Length < batch.TotalSize)
                {
                    body = new byte[Math.Max(batch.TotalSize, body.Length * 2)];
                }

                var span = body.AsSpan(0, batch.TotalSize);
                if (RandomAccess.Read(segment._log, span, position) < batch.TotalSize || !RecordBatch.HasValidCrc(span, batch.Crc))
                {
                    break;
                }
            }

            segment.Track(batch, position);
            onBatch(batch);
            position += batch.TotalSize;
            expectedOffset = batch.LastOffset + 1;
        }

        truncated = position < fileLength;
        if (truncated)
        {
            RandomAccess.SetLength(segment._log, position);
        }

        segment._size = position;
        segment.RewriteIndex();
        return segment;
    }

    private void Track(in RecordBatch batch, long position)
    {
        if (_entryCount == 0 || _bytesSinceIndexEntry >= _indexInterval)
        {
            if (_entryCount == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            _entries[_entryCount++] = ((batch.BaseOffset - BaseOffset) << 32) | (uint)position;
            _bytesSinceIndexEntry = 0;
        }

        _bytesSinceIndexEntry += batch.TotalSize;
        NextOffset = batch.LastOffset + 1;
        MaxTimestamp = Math.Max(MaxTimestamp, batch.MaxTimestamp);
    }

    private void RewriteIndex()
    {
        var bytes = new byte[_entryCount * 8];
        for (var i = 0; i < _entryCount; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(i * 8), _entries[i]);
        }

        RandomAccess.SetLength(_index, 0);
        RandomAccess.Write(_index, bytes, 0);
        _indexFileSize = bytes.Length;
    }

    /// <summary>Appends batches whose base offsets are already assigned; one write for all of them.</summary>
    public void Append(ReadOnlySpan<byte> batches, ReadOnlySpan<RecordBatch> headers)
    {
        var position = _size;
        RandomAccess.Write(_log, batches, position);
        var entriesBefore = _entryCount;
        foreach (var batch in headers)
        {
            Track(batch, position);
            position += batch.TotalSize;
        }

        if (_entryCount > entriesBefore)
        {
            var bytes = new byte[(_entryCount - entriesBefore) * 8];
            for (var i = entriesBefore; i < _entryCount; i++)
            {
                BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan((i - entriesBefore) * 8), _entries[i]);
            }

            RandomAccess.Write(_index, bytes, _indexFileSize);
            _indexFileSize += bytes.Length;
        }

        IsDirty = true;
        Volatile.Write(ref _size, position);
    }

    /// <summary>File position of the last indexed batch starting at or before <paramref name="offset"/>.</summary>
    public long LookupPosition(long offset)
    {
        var relative = offset - BaseOffset;
        int lo = 0, hi = Volatile.Read(ref _entryCount) - 1, found = -1;
        var entries = _entries;
        hi = Math.Min(hi, entries.Length - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if ((entries[mid] >> 32) <= relative)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? 0 : (uint)entries[found];
    }

    public int Read(Span<byte> destination, long position) => RandomAccess.Read(_log, destination, position);

    public void Flush()
    {
        if (!IsDirty)
        {
            return;
        }

        IsDirty = false;
        RandomAccess.FlushToDisk(_log);
        RandomAccess.FlushToDisk(_index);
    }

    public void Dispose()
    {
        _log.Dispose();
        _index.Dispose();
    }

    public void Delete()
    {
        Dispose();
        File.Delete(LogPath);
        File.Delete(IndexPath);
    }
}
