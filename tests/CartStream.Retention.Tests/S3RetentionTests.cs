using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;

namespace CartStream.Retention.Tests;

/// <summary>Retention on a real S3-compatible server (s3rver, started by test.sh), each test under its own prefix.</summary>
public sealed class S3RetentionTests(S3BucketFixture bucket) : RetentionContract, IClassFixture<S3BucketFixture>
{
    protected override IObjectStore CreateEmptyStore() =>
        new S3ObjectStore(S3TestServer.Options(bucket.Name, $"lake-{Guid.NewGuid():N}/"), S3TestServer.Credentials);
}
