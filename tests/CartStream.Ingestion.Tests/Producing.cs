using CartStream.Generator;
using CartStream.Generator.Rate;
using CartStream.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Ingestion.Tests;

/// <summary>An in-process producer pointed at the test's servers.</summary>
internal static class Producing
{
    public static readonly DateTime SimulatedStart = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    public static ProduceRunner Runner(string bootstrapServers, string registryUrl, string topic, int connectTimeoutSeconds = 15, int? statisticsIntervalMs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = bootstrapServers,
                [$"{KafkaClientSettings.ProducerSection}:reconnect.backoff.max.ms"] = "500",
                [$"{KafkaClientSettings.ProducerSection}:statistics.interval.ms"] = statisticsIntervalMs?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var options = new IngestionOptions
        {
            Topic = topic,
            Partitions = 3,
            SchemaRegistryUrl = registryUrl,
            ConnectTimeoutSeconds = connectTimeoutSeconds,
        };
        return new ProduceRunner(configuration, options, NullLogger.Instance);
    }

    public static ProduceRunOptions Run(TempDirectory folder, long events, GenerationRate rate, long seed = 7) => new()
    {
        Events = events,
        Rate = rate,
        Generator = new GeneratorOptions
        {
            Seed = seed,
            SimulatedStartUtc = rate.Kind == RateKind.Max ? SimulatedStart : null,
        },
        LabelsPath = folder.Combine("generator", "labels.jsonl"),
        RunStatePath = folder.Combine("generator", "run.json"),
    };
}
