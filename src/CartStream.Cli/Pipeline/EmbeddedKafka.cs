using CartStream.Broker;
using CartStream.Cli.Hosting;
using CartStream.Ingestion;
using CartStream.Lake.Sink;
using CartStream.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// The embedded broker and schema registry of the one-process pipeline, on the data directory's
/// <c>broker/</c> and <c>registry/</c>, so a restarted pipeline finds its topic and schemas again.
/// </summary>
internal sealed class EmbeddedKafka : IAsyncDisposable
{
    private readonly KafkaBroker _broker;
    private readonly SchemaRegistryServer _registry;

    private EmbeddedKafka(KafkaBroker broker, SchemaRegistryServer registry)
    {
        _broker = broker;
        _registry = registry;
    }

    /// <summary>host:port of the broker.</summary>
    public string BootstrapServers => _broker.BootstrapServers;

    /// <summary>Base URL of the schema registry.</summary>
    public string RegistryUrl => _registry.Url.ToString().TrimEnd('/');

    /// <summary>Starts the broker, then the registry.</summary>
    public static async Task<EmbeddedKafka> StartAsync(DataDirectory data, PipelineOptions options, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var broker = new KafkaBroker(new BrokerOptions { DataDirectory = data.Broker, Port = options.BrokerPort }, logging.CreateLogger<KafkaBroker>());
        await broker.StartAsync(cancellationToken);
        var registry = new SchemaRegistryServer(new SchemaRegistryOptions { DataDirectory = data.Root, Port = options.RegistryPort }, logging);
        try
        {
            await registry.StartAsync(cancellationToken);
        }
        catch
        {
            await registry.DisposeAsync();
            await broker.DisposeAsync();
            throw;
        }

        return new EmbeddedKafka(broker, registry);
    }

    /// <summary>
    /// <paramref name="configuration"/> with every stage pointed at these servers. Announcements travel on an
    /// in-process channel, so the sink's Kafka files topic is switched off.
    /// </summary>
    public IConfiguration Configure(IConfiguration configuration) => new ConfigurationBuilder()
        .AddConfiguration(configuration)
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = BootstrapServers,
            [$"{IngestionOptions.SectionName}:SchemaRegistryUrl"] = RegistryUrl,
            [$"{LakeSinkOptions.SectionName}:SchemaRegistryUrl"] = RegistryUrl,
            [$"{LakeSinkOptions.SectionName}:FilesTopic"] = string.Empty,
        })
        .Build();

    /// <summary>Stops the registry, then the broker.</summary>
    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
