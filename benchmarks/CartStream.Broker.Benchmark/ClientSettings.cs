using Confluent.Kafka;

namespace CartStream.Broker.Benchmark;

/// <summary>The client settings both brokers are measured with: the pipeline's producer defaults.</summary>
internal static class ClientSettings
{
    public static ProducerConfig Producer(string bootstrap) => new()
    {
        BootstrapServers = bootstrap,
        Acks = Acks.All,
        EnableIdempotence = true,
        LingerMs = 5,
        BatchSize = 1_000_000,
        QueueBufferingMaxMessages = 500_000,
        MessageTimeoutMs = 120_000,
    };

    public static ConsumerConfig Consumer(string bootstrap) => new()
    {
        BootstrapServers = bootstrap,
        GroupId = "bench",
        EnableAutoCommit = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnablePartitionEof = false,
        FetchWaitMaxMs = 100,
    };
}
