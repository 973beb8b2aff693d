using CartStream.Ingestion;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace CartStream.Cli.Pipeline;

/// <summary>How many records a topic holds: the sum of its partitions' high watermarks (offsets start at 0 here).</summary>
internal sealed class TopicWatermarks : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly IAdminClient _admin;
    private readonly IConsumer<Ignore, Ignore> _consumer;

    public TopicWatermarks(IConfiguration configuration)
    {
        _admin = new AdminClientBuilder(KafkaClientSettings.Admin(configuration)).Build();
        // Never subscribes or commits: the group id is only required to build a consumer.
        _consumer = new ConsumerBuilder<Ignore, Ignore>(KafkaClientSettings.Consumer(configuration, "cartstream-pipeline-watermarks")).Build();
    }

    /// <summary>Partitions of <paramref name="topic"/>, 0 while it does not exist.</summary>
    public int Partitions(string topic)
    {
        var metadata = _admin.GetMetadata(topic, Timeout);
        return metadata.Topics.FirstOrDefault(t => t.Topic == topic) is { Error.IsError: false } found ? found.Partitions.Count : 0;
    }

    /// <summary>Records in <paramref name="topic"/> across <paramref name="partitions"/> partitions.</summary>
    public long Records(string topic, int partitions) =>
        Enumerable.Range(0, partitions).Sum(p => _consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), Timeout).High.Value);

    public void Dispose()
    {
        _consumer.Dispose();
        _admin.Dispose();
    }
}
