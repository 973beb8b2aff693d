using CartStream.Lake.Storage;

namespace CartStream.Lake.Tests.Support;

/// <summary>A fresh bucket on the test server for one test class.</summary>
public sealed class S3BucketFixture : IAsyncLifetime
{
    /// <summary>The bucket's name.</summary>
    public string Name { get; } = S3TestServer.NewBucketName();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        using var store = new S3ObjectStore(S3TestServer.Options(Name), S3TestServer.Credentials);
        await store.EnsureBucketAsync(TestContext.Current.CancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
