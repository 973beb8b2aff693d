using Amazon.S3.Model;

namespace CartStream.Lake.Storage;

/// <summary>
/// The body of a GetObject response, with the SDK's failures while reading it turned into
/// <see cref="ObjectStoreException"/>: the SDK checks the body's checksum only as the last bytes are read, so a
/// corrupt or torn body (s3rver serving an object it is still writing, a connection cut mid-body) fails in
/// <c>Read</c>, long after <c>OpenReadAsync</c> returned.
/// </summary>
internal sealed class S3ReadStream(GetObjectResponse response, Func<Exception, ObjectStoreException> map) : Stream
{
    private readonly Stream _inner = response.ResponseStream;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => response.ContentLength;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _inner.Read(buffer);
        }
        catch (Exception e) when (e is not ObjectStoreException)
        {
            throw map(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is not ObjectStoreException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw map(e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                // Some of the SDK's hash streams compare the checksum on close rather than at the end of the body.
                _inner.Dispose();
            }
            catch (Exception e) when (e is not ObjectStoreException)
            {
                throw map(e);
            }
            finally
            {
                response.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
