using Amazon.Runtime;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Tests.Support;

/// <summary>
/// The S3-compatible server the tests talk to: <c>CARTSTREAM_TEST_S3_URL</c> (test.sh starts s3rver and sets it),
/// else a local default. When nothing listens there the S3 tests fail; they never skip.
/// </summary>
public static class S3TestServer
{
    /// <summary>The endpoint.</summary>
    public static string Url { get; } = Environment.GetEnvironmentVariable("CARTSTREAM_TEST_S3_URL") is { Length: > 0 } url
        ? url
        : "http://127.0.0.1:54568";

    /// <summary>s3rver's built-in account: requests are signed, which is the path that can corrupt uploads.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("S3RVER", "S3RVER");

    /// <summary>Options for a store on <paramref name="bucket"/> under <paramref name="prefix"/>, with small multipart sizes.</summary>
    public static LakeStorageOptions Options(string bucket, string prefix = "", string? url = null) => new()
    {
        Kind = LakeStorageKind.S3,
        Bucket = bucket,
        Prefix = prefix,
        ServiceUrl = url ?? Url,
        ForcePathStyle = true,
        MultipartThresholdBytes = LakeStorageOptions.MinimumPartSizeBytes,
        PartSizeBytes = LakeStorageOptions.MinimumPartSizeBytes,
        MaxRetries = 1,
        RequestTimeoutSeconds = 30,
        // s3rver ignores If-None-Match; the strict mode is tested on its own.
        ConditionalCreate = S3ConditionalCreateMode.BestEffort,
    };

    /// <summary>A bucket name no other test uses.</summary>
    public static string NewBucketName() => $"cartstream-test-{Guid.NewGuid():N}"[..40];
}
