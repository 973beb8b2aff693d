namespace CartStream.Lake.Tests.Support;

/// <summary>
/// A forward-only source that serves <c>data</c>, optionally pausing at <c>pauseAt</c> until released (a writer
/// caught mid-upload) or failing there (a writer whose source breaks). Not seekable, like a network stream.
/// </summary>
public sealed class ScriptedStream(byte[] data, int pauseAt = -1, bool failAtPause = false) : Stream
{
    private readonly TaskCompletionSource _reachedPause = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    /// <summary>Completes when the reader has consumed everything before the pause point.</summary>
    public Task ReachedPause => _reachedPause.Task;

    /// <summary>Lets the reader go on past the pause point.</summary>
    public void Release() => _released.TrySetResult();

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == pauseAt)
        {
            _reachedPause.TrySetResult();
            if (failAtPause)
            {
                throw new IOException("The source broke off.");
            }

            await _released.Task.WaitAsync(cancellationToken);
        }

        var end = _position < pauseAt ? pauseAt : data.Length;
        var count = Math.Min(buffer.Length, end - _position);
        data.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
