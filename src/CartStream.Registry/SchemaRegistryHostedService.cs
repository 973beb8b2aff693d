using Microsoft.Extensions.Options;

namespace CartStream.Registry;

/// <summary>Runs the embedded registry for the lifetime of a generic host (the one-command pipeline).</summary>
public sealed class SchemaRegistryHostedService : IHostedService, IAsyncDisposable
{
    private readonly SchemaRegistryServer _server;

    /// <summary>Creates the server from validated options; it starts with the host.</summary>
    public SchemaRegistryHostedService(IOptions<SchemaRegistryOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _server = new SchemaRegistryServer(options.Value, loggerFactory);
    }

    /// <summary>The running server, for its <see cref="SchemaRegistryServer.Url"/> once the host has started.</summary>
    public SchemaRegistryServer Server => _server;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => _server.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _server.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
