using System.Globalization;
using CartStream.Ingestion;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace CartStream.Verification;

/// <summary>
/// The topic's side: how many records each partition holds, and whether the generator's sequence numbers in
/// the records' headers run without a gap or a repeat in every stream (nothing lost or doubled on the way in).
/// </summary>
internal static class TopicInventory
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Dictionary<int, long> HighWatermarks(IConfiguration configuration, string topic)
    {
        using var admin = new AdminClientBuilder(KafkaClientSettings.Admin(configuration)).Build();
        var metadata = admin.GetMetadata(topic, Timeout).Topics.FirstOrDefault(t => t.Topic == topic);
        if (metadata is null || metadata.Error.IsError)
        {
            throw new InvalidOperationException($"Topic '{topic}' is not in Kafka: {metadata?.Error.Reason ?? "no metadata"}.");
        }

        using var consumer = Consumer(configuration);
        return metadata.Partitions.ToDictionary(
            p => p.PartitionId,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), Timeout).High.Value);
    }

    /// <summary>Reads every record's headers up to the high watermarks and reports each gap or repeat in a stream's sequence.</summary>
    public static void CheckSequences(IConfiguration configuration, string topic, IReadOnlyDictionary<int, long> highWatermarks, List<string> problems, CancellationToken cancellationToken)
    {
        var sequences = new Dictionary<long, List<long>>();
        using var consumer = Consumer(configuration);
        consumer.Assign(highWatermarks.Where(p => p.Value > 0).Select(p => new TopicPartitionOffset(topic, p.Key, Offset.Beginning)));
        var remaining = highWatermarks.Values.Sum();
        while (remaining > 0)
        {
            var result = consumer.Consume(cancellationToken);
            if (result.IsPartitionEOF || result.Offset >= highWatermarks[result.Partition.Value])
            {
                continue;
            }

            remaining--;
            var stream = ProducerHeaders.ReadStream(result.Message.Headers);
            var sequence = ProducerHeaders.ReadSequence(result.Message.Headers);
            if (stream is null || sequence is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"topic: partition {result.Partition.Value} offset {result.Offset.Value} has no generator sequence header (not produced by cartstream)"));
                continue;
            }

            (sequences.TryGetValue(stream.Value, out var list) ? list : sequences[stream.Value] = []).Add(sequence.Value);
        }

        foreach (var (stream, list) in sequences)
        {
            list.Sort();
            for (var i = 0; i < list.Count; i++)
            {
                var expected = i == 0 ? 0 : list[i - 1] + 1;
                if (i > 0 && list[i] == list[i - 1])
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"topic: stream {stream} sequence {list[i]} is in the topic twice"));
                }
                else if (list[i] > expected)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"topic: stream {stream} sequences {expected}-{list[i] - 1} never reached the topic"));
                }
            }
        }
    }

    private static IConsumer<Ignore, Ignore> Consumer(IConfiguration configuration)
    {
        var config = KafkaClientSettings.Consumer(configuration, "cartstream-verify");
        config.EnableAutoCommit = false;
        config.EnablePartitionEof = true;
        return new ConsumerBuilder<Ignore, Ignore>(config).Build();
    }
}
