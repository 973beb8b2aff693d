using System.Buffers;

namespace CartStream.Lake.Sink;

/// <summary>
/// An in-memory stream in 64 KiB chunks from <see cref="ArrayPool{T}.Shared"/>, returned on dispose: an encoded file
/// on its way to the store. A <see cref="MemoryStream"/> of the file's size would be a new large-object-heap array
/// per file, garbage that only a full collection returns, so the process would grow with the files it wrote.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _chunks = [];
    private long _length;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 && value <= _length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var chunk = (int)(_position / ChunkSize);
            var within = (int)(_position % ChunkSize);
            if (chunk == _chunks.Count)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            }

            var take = Math.Min(buffer.Length, ChunkSize - within);
            buffer[..take].CopyTo(_chunks[chunk].AsSpan(within));
            buffer = buffer[take..];
            _position += take;
            _length = Math.Max(_length, _position);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (!buffer.IsEmpty && _position < _length)
        {
            var within = (int)(_position % ChunkSize);
            var take = (int)Math.Min(Math.Min(buffer.Length, ChunkSize - within), _length - _position);
            _chunks[(int)(_position / ChunkSize)].AsSpan(within, take).CopyTo(buffer);
            buffer = buffer[take..];
            _position += take;
            total += take;
        }

        return total;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _length = 0;
        _position = 0;
        base.Dispose(disposing);
    }
}
