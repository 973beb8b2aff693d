using CartStream.Testing;

namespace CartStream.Broker.Tests;

/// <summary>An in-process broker on a free loopback port with its data in a temp folder, shared by one test class.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("broker");

    public KafkaBroker Broker { get; private set; } = null!;

    public string BootstrapServers => Broker.BootstrapServers;

    public string DataDirectory => _data.Path;

    public async ValueTask InitializeAsync()
    {
        Broker = new KafkaBroker(new BrokerOptions { DataDirectory = _data.Path, Port = 0, InitialRebalanceDelayMs = 200 });
        await Broker.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A topic name no other test uses.</summary>
    public static string NewTopic(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}
