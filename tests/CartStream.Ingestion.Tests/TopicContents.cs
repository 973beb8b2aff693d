using Confluent.Kafka;

namespace CartStream.Ingestion.Tests;

/// <summary>One message as read back: where it is and what the producer put in it.</summary>
internal sealed record StoredMessage(int Partition, long Offset, long Sequence, long Stream, byte[]? Key, byte[] Value);

/// <summary>Reads a whole topic back, every partition from its start to its high watermark.</summary>
internal static class TopicContents
{
    /// <summary>Messages in the topic now (sum of high watermarks); 0 while it does not exist yet.</summary>
    public static long Count(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var found = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.SingleOrDefault(t => t.Topic == topic);
        if (found is null || found.Partitions.Count == 0)
        {
            return 0;
        }

        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "count" }).Build();
        return found.Partitions.Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value);
    }

    public static List<StoredMessage> ReadAll(string bootstrapServers, string topic, CancellationToken cancellationToken)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"read-back-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Single(t => t.Topic == topic).Partitions.Count;
        var ends = new Dictionary<int, long>();
        for (var p = 0; p < partitions; p++)
        {
            ends[p] = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value;
        }

        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var messages = new List<StoredMessage>();
        var pending = ends.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException($"Reading {topic} stalled with partitions [{string.Join(",", pending)}] unfinished.");
            if (result.IsPartitionEOF)
            {
                continue;
            }

            var headers = result.Message.Headers;
            messages.Add(new StoredMessage(
                result.Partition.Value,
                result.Offset.Value,
                ProducerHeaders.ReadSequence(headers) ?? -1,
                ProducerHeaders.ReadStream(headers) ?? -1,
                result.Message.Key,
                result.Message.Value));
            if (result.Offset.Value + 1 >= ends[result.Partition.Value])
            {
                pending.Remove(result.Partition.Value);
            }
        }

        return messages;
    }
}
