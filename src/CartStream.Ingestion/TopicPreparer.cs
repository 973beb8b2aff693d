using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace CartStream.Ingestion;

/// <summary>Makes sure the events topic exists and tells how many partitions it has.</summary>
public static class TopicPreparer
{
    /// <summary>
    /// The topic's partition count, creating the topic with <paramref name="partitions"/> partitions when absent.
    /// Fails with a clear <see cref="IngestionException"/> naming the bootstrap servers when the cluster cannot be reached.
    /// </summary>
    public static async Task<int> EnsureTopicAsync(AdminClientConfig config, string topic, int partitions, TimeSpan timeout, ILogger logger)
    {
        using var admin = new AdminClientBuilder(config).SetLogHandler(KafkaLogBridge.To(logger)).Build();
        var existing = PartitionCount(admin, config, topic, timeout);
        if (existing > 0)
        {
            return existing;
        }

        try
        {
            await admin.CreateTopicsAsync(
                [new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = -1 }],
                new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout });
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.TopicAlreadyExists))
        {
            // Another producer created it first: fine, read its partition count below.
        }

        var created = PartitionCount(admin, config, topic, timeout);
        return created > 0
            ? created
            : throw new IngestionException($"Topic '{topic}' was created but has no partitions in the metadata of {config.BootstrapServers}.", isTransient: true);
    }

    private static int PartitionCount(IAdminClient admin, AdminClientConfig config, string topic, TimeSpan timeout)
    {
        Metadata metadata;
        try
        {
            // Metadata for all topics: asking for the one topic would let a broker auto-create it with its
            // default partition count before CreateTopics could ask for ours.
            metadata = admin.GetMetadata(timeout);
        }
        catch (KafkaException e)
        {
            throw new IngestionException(
                $"Cannot reach Kafka at '{config.BootstrapServers}' within {timeout.TotalSeconds:0} s: {e.Error.Reason}",
                isTransient: true,
                e);
        }

        var found = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
        return found is null || found.Error.Code == ErrorCode.UnknownTopicOrPart ? 0 : found.Partitions.Count;
    }
}
