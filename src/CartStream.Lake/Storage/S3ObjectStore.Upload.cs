using System.Buffers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CartStream.Lake.Storage;

/// <summary>The write path: one PutObject up to the multipart threshold, a multipart upload above it.</summary>
public sealed partial class S3ObjectStore
{
    private readonly SemaphoreSlim _probeLock = new(1, 1);
    private bool? _conditionalWritesHonoured;

    /// <inheritdoc />
    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await UploadAsync(key, FullKey(key), content, conditional: false, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// PutObject (or CompleteMultipartUpload) with <c>If-None-Match: *</c>: S3 answers 412 when the key exists.
    /// See <see cref="S3ConditionalCreateMode"/> for endpoints that ignore the header.
    /// </remarks>
    public async Task<bool> TryCreateAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fullKey = FullKey(key);
        if (!await ConditionalWritesHonouredAsync(cancellationToken))
        {
            if (_options.ConditionalCreate == S3ConditionalCreateMode.Require)
            {
                throw new ObjectStoreException(
                    $"{Location} ignores If-None-Match on PutObject, so create-if-absent cannot be atomic there. Use an endpoint " +
                    "that supports conditional writes (Amazon S3 does), or set Lake:Storage:ConditionalCreate=BestEffort on a " +
                    "single-writer development server.", key, isTransient: false);
            }

            if (await GetInfoAsync(key, cancellationToken) is not null)
            {
                return false;
            }
        }

        return await UploadAsync(key, fullKey, content, conditional: true, cancellationToken);
    }

    private async Task<bool> UploadAsync(string key, string fullKey, Stream content, bool conditional, CancellationToken cancellationToken)
    {
        var threshold = (int)_options.MultipartThresholdBytes;
        using var head = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length - content.Position, threshold + 1L) : 0);
        // Up to the threshold the object goes in one request; one byte more proves it needs a multipart upload.
        await CopyAtMostAsync(content, head, threshold + 1L, cancellationToken);

        head.Position = 0;
        try
        {
            return head.Length <= threshold
                ? await PutSingleAsync(fullKey, head, conditional, cancellationToken)
                : await PutMultipartAsync(fullKey, head, content, conditional, cancellationToken);
        }
        catch (Exception e) when (conditional && S3Errors.IsPreconditionFailed(e))
        {
            return false;
        }
        catch (Exception e) when (e is not ObjectStoreException && IsFailure(e, cancellationToken))
        {
            throw S3Errors.Map(e, "write", key, Location);
        }
    }

    private async Task<bool> PutSingleAsync(string fullKey, MemoryStream body, bool conditional, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = fullKey,
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = false,
            ContentType = "application/octet-stream",
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        };
        if (conditional)
        {
            request.IfNoneMatch = "*";
        }

        await _client.PutObjectAsync(request, cancellationToken);
        return true;
    }

    private async Task<bool> PutMultipartAsync(string fullKey, MemoryStream head, Stream rest, bool conditional, CancellationToken cancellationToken)
    {
        var started = await _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = fullKey,
                ContentType = "application/octet-stream",
                ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            },
            cancellationToken);
        var uploadId = started.UploadId;
        var partSize = _options.PartSizeBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var parts = new List<PartETag>();
            for (var partNumber = 1; ; partNumber++)
            {
                var length = await FillAsync(head, rest, buffer.AsMemory(0, partSize), cancellationToken);
                if (length == 0)
                {
                    break;
                }

                using var body = new MemoryStream(buffer, 0, length, writable: false);
                var uploaded = await _client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = fullKey,
                        UploadId = uploadId,
                        PartNumber = partNumber,
                        InputStream = body,
                        PartSize = length,
                        UseChunkEncoding = false,
                        ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                    },
                    cancellationToken);
                parts.Add(new PartETag(uploaded));
                if (length < partSize)
                {
                    break;
                }
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = _bucket, Key = fullKey, UploadId = uploadId, PartETags = parts };
            if (conditional)
            {
                complete.IfNoneMatch = "*";
            }

            await _client.CompleteMultipartUploadAsync(complete, cancellationToken);
            return true;
        }
        catch (Exception e)
        {
            await AbortQuietlyAsync(fullKey, uploadId, e);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Abandoned parts cost storage until aborted; the object itself never appears. A failed abort is left to a
    /// bucket lifecycle rule (AbortIncompleteMultipartUpload), which docs/lake.md asks for.
    /// </summary>
    private async Task AbortQuietlyAsync(string fullKey, string uploadId, Exception cause)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _bucket, Key = fullKey, UploadId = uploadId }, CancellationToken.None);
            Log.MultipartUploadAborted(_logger, fullKey, uploadId, cause.Message);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            Log.MultipartAbortFailed(_logger, fullKey, uploadId, e.Message);
        }
    }

    /// <summary>
    /// Asks the endpoint once whether it refuses a second conditional write to one key; the answer decides
    /// whether TryCreateAsync can be atomic there.
    /// </summary>
    private async Task<bool> ConditionalWritesHonouredAsync(CancellationToken cancellationToken)
    {
        if (_conditionalWritesHonoured is { } known)
        {
            return known;
        }

        await _probeLock.WaitAsync(cancellationToken);
        try
        {
            if (_conditionalWritesHonoured is { } decided)
            {
                return decided;
            }

            // A hidden segment keeps the probe out of every listing even if deleting it fails.
            var probeKey = $"{_prefix}_state/.probe/conditional-create-{Guid.NewGuid():N}";
            try
            {
                using var first = new MemoryStream([1], writable: false);
                await PutSingleAsync(probeKey, first, conditional: true, cancellationToken);
                bool secondAccepted;
                try
                {
                    using var second = new MemoryStream([2], writable: false);
                    secondAccepted = await PutSingleAsync(probeKey, second, conditional: true, cancellationToken);
                }
                catch (Exception e) when (S3Errors.IsPreconditionFailed(e))
                {
                    secondAccepted = false;
                }

                await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = probeKey }, cancellationToken);
                _conditionalWritesHonoured = !secondAccepted;
            }
            catch (Exception e) when (e is not ObjectStoreException && IsFailure(e, cancellationToken))
            {
                throw S3Errors.Map(e, "probe conditional writes on", null, Location);
            }

            Log.ConditionalCreateProbed(_logger, Location, _conditionalWritesHonoured.Value);
            if (!_conditionalWritesHonoured.Value && _options.ConditionalCreate == S3ConditionalCreateMode.BestEffort)
            {
                Log.ConditionalCreateBestEffort(_logger, Location);
            }

            return _conditionalWritesHonoured.Value;
        }
        finally
        {
            _probeLock.Release();
        }
    }

    private static async Task CopyAtMostAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (target.Length < limit)
            {
                var read = await ReadSourceAsync(source, chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - target.Length)), cancellationToken);
                if (read == 0)
                {
                    return;
                }

                target.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Fills <paramref name="part"/> from what was buffered first, then from the rest of the source.</summary>
    private static async Task<int> FillAsync(MemoryStream head, Stream rest, Memory<byte> part, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < part.Length)
        {
            var read = head.Position < head.Length
                ? head.Read(part.Span[filled..])
                : await ReadSourceAsync(rest, part[filled..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>A failing source is the caller's problem, not the store's: it is never reported as transient.</summary>
    private static async ValueTask<int> ReadSourceAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            throw new ObjectStoreException($"Reading the content to upload failed: {e.Message}", key: null, isTransient: false, innerException: e);
        }
    }
}
