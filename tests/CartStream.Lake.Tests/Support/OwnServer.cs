using System.Globalization;
using CartStream.Lake.Storage;
using CartStream.Testing;

namespace CartStream.Lake.Tests.Support;

/// <summary>
/// An s3rver of a test's own on a folder the test can reach into (to stop the server or damage stored bytes), with a
/// store on it whose SDK does not retry, so that each failure reaches the test as the store reports it.
/// </summary>
internal sealed class OwnServer : IDisposable
{
    private readonly BackgroundProcess _process;

    private OwnServer(S3ObjectStore store, BackgroundProcess process)
    {
        Store = store;
        _process = process;
    }

    public S3ObjectStore Store { get; }

    /// <summary>Starts a server on <paramref name="folder"/> and creates <paramref name="bucket"/> there.</summary>
    public static async Task<OwnServer> StartAsync(string bucket, string folder, CancellationToken ct)
    {
        var port = FreePort.Next();
        var options = S3TestServer.Options(bucket, url: $"http://127.0.0.1:{port}");
        options.MaxRetries = 0;
        var server = new OwnServer(new S3ObjectStore(options, S3TestServer.Credentials), await StartProcessAsync(folder, port, ct));
        try
        {
            await server.Store.EnsureBucketAsync(ct);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Starts only the server process on <paramref name="folder"/> and <paramref name="port"/>.</summary>
    public static async Task<BackgroundProcess> StartProcessAsync(string folder, int port, CancellationToken ct)
    {
        var server = BackgroundProcess.Start(
            "node",
            [Path.Combine(RepoPaths.NpmTools("npm-s3"), "node_modules", "s3rver", "bin", "s3rver.js"), "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--no-vhost-buckets", "--silent"]);
        try
        {
            await server.WaitForPortAsync(port, TimeSpan.FromSeconds(90), ct);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _process.Dispose();
    }
}
