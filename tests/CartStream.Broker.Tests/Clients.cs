using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace CartStream.Broker.Tests;

/// <summary>Confluent.Kafka (librdkafka) clients configured for a local broker.</summary>
internal static class Clients
{
    public static ProducerConfig Producer(string bootstrap, bool idempotent = true, CompressionType compression = CompressionType.None) => new()
    {
        BootstrapServers = bootstrap,
        EnableIdempotence = idempotent,
        Acks = Acks.All,
        CompressionType = compression,
        LingerMs = 5,
        SocketNagleDisable = true,
    };

    public static ConsumerConfig Consumer(string bootstrap, string groupId) => new()
    {
        BootstrapServers = bootstrap,
        GroupId = groupId,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnableAutoCommit = false,
        SessionTimeoutMs = 6000,
        HeartbeatIntervalMs = 500,
        SocketNagleDisable = true,
        FetchWaitMaxMs = 100,
    };

    public static async Task CreateTopicAsync(string bootstrap, string topic, int partitions)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 }]);
    }

    /// <summary>Reads from assigned partitions (no group) until <paramref name="count"/> messages arrived.</summary>
    public static List<ConsumeResult<string, string>> ReadAll(string bootstrap, string topic, int partitions, int count, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<string, string>(Consumer(bootstrap, "reader-" + Guid.NewGuid().ToString("N"))).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is { IsPartitionEOF: false })
            {
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>Reads every partition from the beginning to its end (as the broker reports it) and returns all messages.</summary>
    public static List<ConsumeResult<string, string>> ReadToEnd(string bootstrap, string topic, int partitions, CancellationToken cancellationToken)
    {
        var config = Consumer(bootstrap, "reader-" + Guid.NewGuid().ToString("N"));
        config.EnablePartitionEof = true;
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<string, string>>();
        var atEnd = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (atEnd.Count < partitions && DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }

            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
            }
            else
            {
                atEnd.Remove(result.Partition.Value);
                results.Add(result);
            }
        }

        return atEnd.Count == partitions ? results : throw new TimeoutException($"Only {atEnd.Count} of {partitions} partitions read to the end.");
    }
}
