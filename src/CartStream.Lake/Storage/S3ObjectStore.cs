using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Lake.Storage;

/// <summary>
/// The lake in an S3 bucket under a prefix, on Amazon S3 or an S3-compatible server. An object becomes visible
/// only when its single PutObject or its multipart upload completes, so readers never see part of one.
/// </summary>
/// <remarks>
/// Every upload is sent with <c>UseChunkEncoding = false</c>: a signed request otherwise uses an aws-chunked body,
/// which Amazon S3 decodes but some compatible servers (s3rver) store verbatim, corrupting the object.
/// Requests are retried by the SDK in its standard mode (exponential backoff with jitter) up to
/// <see cref="LakeStorageOptions.MaxRetries"/> times before a transient <see cref="ObjectStoreException"/> is thrown.
/// </remarks>
public sealed partial class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _client;
    private readonly LakeStorageOptions _options;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly ILogger _logger;

    /// <summary>
    /// Connects to the bucket that <paramref name="options"/> names. <paramref name="credentials"/>, when given,
    /// override <see cref="LakeStorageOptions.Credentials"/> (tests and tools that hold explicit keys).
    /// </summary>
    public S3ObjectStore(LakeStorageOptions options, AWSCredentials? credentials = null, ILogger<S3ObjectStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new ArgumentException("Lake:Storage:Bucket is required for the S3 store.", nameof(options));
        }

        _options = options;
        _bucket = options.Bucket;
        _prefix = options.NormalizedPrefix;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _client = CreateClient(options, credentials);
        Location = $"s3://{_bucket}/{_prefix}" + (string.IsNullOrEmpty(options.ServiceUrl) ? "" : $" at {options.ServiceUrl}");
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>
    /// Creates the bucket if it does not exist (development servers and tests; production buckets are made with
    /// their policies and lifecycle rules by infrastructure code).
    /// </summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou")
        {
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw S3Errors.Map(e, "create bucket", null, Location);
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var fullKey = FullKey(key);
        try
        {
            var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = fullKey }, cancellationToken);
            return new S3ReadStream(response, e => S3Errors.Map(e, "read", key, Location));
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw S3Errors.Map(e, "read", key, Location);
        }
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var fullKey = FullKey(key);
        try
        {
            var meta = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = fullKey }, cancellationToken);
            return new ObjectInfo(key, meta.ContentLength, ToUtc(meta.LastModified), Unquote(meta.ETag));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw S3Errors.Map(e, "look up", key, Location);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix };
        while (true)
        {
            ListObjectsV2Response page;
            try
            {
                page = await _client.ListObjectsV2Async(request, cancellationToken);
            }
            catch (Exception e) when (IsFailure(e, cancellationToken))
            {
                throw S3Errors.Map(e, "list", prefix, Location);
            }

            foreach (var item in page.S3Objects ?? [])
            {
                var key = item.Key[_prefix.Length..];
                if (key.Length == 0 || ObjectKey.IsHidden(key))
                {
                    continue;
                }

                yield return new ObjectInfo(key, item.Size ?? 0, ToUtc(item.LastModified), Unquote(item.ETag));
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var fullKey = FullKey(key);
        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = fullKey }, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken) && !S3Errors.IsNotFound(e))
        {
            throw S3Errors.Map(e, "delete", key, Location);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _probeLock.Dispose();
    }

    private static AmazonS3Client CreateClient(LakeStorageOptions options, AWSCredentials? credentials)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxRetries,
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(options.Region) ? "us-east-1" : options.Region;
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        credentials ??= options.Credentials == S3CredentialSource.Anonymous ? new AnonymousAWSCredentials() : null;
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    private string FullKey(string key)
    {
        ObjectKey.Validate(key);
        return _prefix + key;
    }

    /// <summary>Everything but the caller's own cancellation is a store failure to map.</summary>
    private static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static DateTimeOffset ToUtc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;

    private static string Unquote(string? etag) => etag?.Trim('"') ?? "";
}
