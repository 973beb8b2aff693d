using CartStream.Ingestion;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>A <see cref="LakeSink"/> running in the test process on a local lake, stopped (drained) on dispose.</summary>
public sealed class InProcessSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly LakeSink _sink;

    /// <summary>Starts a sink on <paramref name="topic"/> writing under <paramref name="lakeRoot"/>.</summary>
    public InProcessSink(KafkaServers servers, string topic, string lakeRoot, IFileLandedNotifier notifier, TimeSpan maxFileAge)
        : this(servers, topic, new LocalObjectStore(Directory.CreateDirectory(lakeRoot).FullName), notifier, maxFileAge)
    {
    }

    /// <summary>Starts a sink on <paramref name="topic"/> writing to <paramref name="store"/>, which it disposes.</summary>
    public InProcessSink(KafkaServers servers, string topic, IObjectStore store, IFileLandedNotifier? notifier, TimeSpan maxFileAge)
    {
        Store = store;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = servers.BootstrapServers,
                // Statistics often enough that a test sees the client's own lag figures within a second.
                [$"{KafkaClientSettings.ConsumerSection}:statistics.interval.ms"] = "200",
            })
            .Build();
        var options = new LakeSinkOptions
        {
            Topic = topic,
            GroupId = $"sink-{topic}",
            SchemaRegistryUrl = servers.RegistryUrl,
            MaxFileAge = maxFileAge,
            MaxRetryBackoff = TimeSpan.FromSeconds(1),
        };
        _sink = new LakeSink(Store, configuration, options, notifier, NullLogger.Instance);
        Running = _sink.RunAsync(_stop.Token);
    }

    /// <summary>The lake.</summary>
    public IObjectStore Store { get; }

    /// <summary>The sink's run; completes only after a stop or a fatal error.</summary>
    public Task Running { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running;
        _sink.Dispose();
        Store.Dispose();
        _stop.Dispose();
    }
}
