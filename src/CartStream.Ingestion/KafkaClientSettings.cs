using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Microsoft.Extensions.Configuration;

namespace CartStream.Ingestion;

/// <summary>
/// Builds librdkafka client configs from configuration, so every librdkafka setting (SASL, SSL, ...) works
/// without code: <c>Kafka:Common</c> applies to every client, then <c>Kafka:Producer</c> or <c>Kafka:Consumer</c>.
/// Keys are librdkafka's own names, e.g. <c>Kafka:Common:bootstrap.servers</c>, or in the environment
/// <c>CARTSTREAM_Kafka__Common__bootstrap.servers</c>.
/// </summary>
public static class KafkaClientSettings
{
    /// <summary>Section whose settings every client gets.</summary>
    public const string CommonSection = "Kafka:Common";

    /// <summary>Section with producer-only settings.</summary>
    public const string ProducerSection = "Kafka:Producer";

    /// <summary>Section with consumer-only settings.</summary>
    public const string ConsumerSection = "Kafka:Consumer";

    /// <summary>
    /// Section with schema registry client settings, by the client's own names without the
    /// <c>schema.registry.</c> prefix (<c>basic.auth.credentials.source</c>, <c>basic.auth.user.info</c>, ...).
    /// </summary>
    public const string SchemaRegistrySection = "Kafka:SchemaRegistry";

    /// <summary>
    /// The producer config: the pipeline's delivery defaults (idempotent, acks=all), overridden by configuration,
    /// except that idempotence and acks=all cannot be turned off: the no-loss, no-duplicate promise depends on them.
    /// </summary>
    public static ProducerConfig Producer(IConfiguration configuration)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = "127.0.0.1:9092",
            // lz4 measured best for these small Avro records: see docs/benchmarks.md (Ingestion).
            CompressionType = CompressionType.Lz4,
            LingerMs = 5,
            BatchSize = 1_000_000,
            QueueBufferingMaxKbytes = 64 * 1024,
            MessageTimeoutMs = 300_000,
            SocketKeepaliveEnable = true,
        };
        Apply(config, configuration.GetSection(CommonSection));
        Apply(config, configuration.GetSection(ProducerSection));
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        return config;
    }

    /// <summary>A consumer config for <paramref name="groupId"/>: auto-commit off (stages commit what they have made durable).</summary>
    public static ConsumerConfig Consumer(IConfiguration configuration, string groupId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = "127.0.0.1:9092",
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
            IsolationLevel = IsolationLevel.ReadCommitted,
            QueuedMaxMessagesKbytes = 32 * 1024,
        };
        Apply(config, configuration.GetSection(CommonSection));
        Apply(config, configuration.GetSection(ConsumerSection));
        config.EnableAutoCommit = false;
        return config;
    }

    /// <summary>An admin client config with the common settings.</summary>
    public static AdminClientConfig Admin(IConfiguration configuration)
    {
        var config = new AdminClientConfig { BootstrapServers = "127.0.0.1:9092" };
        Apply(config, configuration.GetSection(CommonSection));
        return config;
    }

    /// <summary>The schema registry client config: <paramref name="url"/>, then <c>Kafka:SchemaRegistry</c> (credentials, TLS).</summary>
    public static SchemaRegistryConfig SchemaRegistry(IConfiguration configuration, string url)
    {
        var config = new SchemaRegistryConfig { Url = url, RequestTimeoutMs = 10_000 };
        foreach (var (key, value) in configuration.GetSection(SchemaRegistrySection).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                config.Set(key.StartsWith("schema.registry.", StringComparison.Ordinal) ? key : "schema.registry." + key, value);
            }
        }

        return config;
    }

    private static void Apply(ClientConfig config, IConfigurationSection section)
    {
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                config.Set(key, value);
            }
        }
    }
}
