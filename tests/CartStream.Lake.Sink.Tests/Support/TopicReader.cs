using Confluent.Kafka;

namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>Reads a topic back with a plain consumer: the truth the lake is checked against.</summary>
public static class TopicReader
{
    /// <summary>Each partition's high watermark (one past its last offset).</summary>
    public static Dictionary<int, long> HighWatermarks(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"watermarks-{Guid.NewGuid():N}" }).Build();
        return Enumerable.Range(0, partitions).ToDictionary(
            p => p,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    /// <summary>Every message of every partition, from the start to the high watermark.</summary>
    public static List<KafkaRecord> ReadAll(string bootstrapServers, string topic, CancellationToken cancellationToken)
    {
        var ends = HighWatermarks(bootstrapServers, topic);
        var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"read-back-{Guid.NewGuid():N}", EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
        consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var records = new List<KafkaRecord>();
        var pending = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException($"Reading {topic} stalled.");
            records.Add(new KafkaRecord(result.Partition.Value, result.Offset.Value, result.Message.Value));
            if (result.Offset.Value + 1 >= ends[result.Partition.Value])
            {
                pending.Remove(result.Partition.Value);
            }
        }

        return records;
    }
}
