using CartStream.Testing;
using Confluent.SchemaRegistry;

namespace CartStream.Registry.Tests;

/// <summary>An embedded registry on a free loopback port over a fresh data folder, restartable on the same folder.</summary>
internal sealed class RunningRegistry : IAsyncDisposable
{
    private readonly TempDirectory _dataDirectory;
    private SchemaRegistryServer _server;

    private RunningRegistry(TempDirectory dataDirectory, SchemaRegistryServer server)
    {
        _dataDirectory = dataDirectory;
        _server = server;
    }

    public Uri Url => _server.Url;

    public string DataDirectory => _dataDirectory.Path;

    public static async Task<RunningRegistry> StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = new TempDirectory("registry");
        var server = await StartServerAsync(dataDirectory.Path, cancellationToken);
        return new RunningRegistry(dataDirectory, server);
    }

    /// <summary>A fresh Confluent client: no cache carried over from earlier calls.</summary>
    public CachedSchemaRegistryClient NewClient() => new(new SchemaRegistryConfig { Url = Url.ToString() });

    public HttpClient NewHttpClient() => new() { BaseAddress = Url };

    /// <summary>Stops the server and starts a new one on the same folder (and a new port).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _server.DisposeAsync();
        _server = await StartServerAsync(_dataDirectory.Path, cancellationToken);
    }

    public async Task StopAsync() => await _server.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dataDirectory.Dispose();
    }

    private static async Task<SchemaRegistryServer> StartServerAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        // Port 0: Kestrel binds a free port itself, so no other process can take it between choosing and binding.
        var server = new SchemaRegistryServer(new SchemaRegistryOptions { DataDirectory = dataDirectory, Port = 0 });
        await server.StartAsync(cancellationToken);
        return server;
    }
}
