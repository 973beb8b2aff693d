using CartStream.Testing;

namespace CartStream.Ingestion.Tests;

/// <summary>
/// The embedded broker and schema registry, each started as its own <c>cartstream</c> process on a free port
/// with its data in a temp folder. A test that kills the broker starts its own; the others share one.
/// </summary>
public sealed class KafkaServers : IAsyncLifetime
{
    private readonly TempDirectory _data = new("ingest");
    private RunningProcess? _broker;
    private RunningProcess? _registry;

    /// <summary>Folder the servers keep their data in.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>Broker port, fixed across restarts.</summary>
    public int BrokerPort { get; } = FreePort.Next();

    /// <summary>Registry port.</summary>
    public int RegistryPort { get; } = FreePort.Next();

    /// <summary>Bootstrap servers for clients.</summary>
    public string BootstrapServers => $"127.0.0.1:{BrokerPort}";

    /// <summary>Schema registry URL.</summary>
    public string RegistryUrl => $"http://127.0.0.1:{RegistryPort}";

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        await StartBrokerAsync(CancellationToken.None);
        _registry = Cli.Start("registry", "--data-dir", _data.Path, "--port", RegistryPort.ToString());
        await _registry.WaitForLineAsync(l => l.Contains("listening", StringComparison.Ordinal), TimeSpan.FromSeconds(60), CancellationToken.None);
    }

    /// <summary>Starts (or restarts) the broker on the same port and data folder.</summary>
    public async Task StartBrokerAsync(CancellationToken cancellationToken)
    {
        _broker?.Dispose();
        _broker = Cli.Start("broker", "--data-dir", _data.Path, "--port", BrokerPort.ToString());
        await _broker.WaitForLineAsync(l => l.StartsWith("bootstrap.servers=", StringComparison.Ordinal), TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>SIGKILLs the broker.</summary>
    public void KillBroker() => _broker?.Kill();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _broker?.Dispose();
        _registry?.Dispose();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}
