using System.Text.Json;

namespace CartStream.Ingestion.Statistics;

/// <summary>
/// The parts of one librdkafka statistics document (<c>statistics.interval.ms</c>, the layout of librdkafka's
/// STATISTICS.md) that CartStream turns into metrics: the client's queue and traffic totals, the round-trip time to
/// each broker, and each assigned partition's consumer lag.
/// </summary>
/// <param name="Name">The handle's instance name, unique in the process (<c>rdkafka#producer-1</c>).</param>
/// <param name="Type"><c>producer</c> or <c>consumer</c>.</param>
/// <param name="QueuedMessages">Messages in the producer's queues now (<c>msg_cnt</c>).</param>
/// <param name="QueuedBytes">Bytes of those messages (<c>msg_size</c>).</param>
/// <param name="RequestsSent">Requests sent to brokers since the client started (<c>tx</c>).</param>
/// <param name="BytesSent">Bytes sent to brokers since the client started (<c>tx_bytes</c>).</param>
/// <param name="BytesReceived">Bytes received from brokers since the client started (<c>rx_bytes</c>).</param>
/// <param name="Brokers">Each known broker (bootstrap entries left out).</param>
/// <param name="Partitions">Each partition of each topic the client knows (the internal unassigned partition left out).</param>
public sealed record KafkaStatistics(
    string Name,
    string Type,
    long QueuedMessages,
    long QueuedBytes,
    long RequestsSent,
    long BytesSent,
    long BytesReceived,
    IReadOnlyList<KafkaBrokerStatistics> Brokers,
    IReadOnlyList<KafkaPartitionStatistics> Partitions)
{
    /// <summary>Reads a statistics document; throws <see cref="JsonException"/> when it is not one.</summary>
    public static KafkaStatistics Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("Not a librdkafka statistics document: no top-level \"name\".");
        }

        var brokers = new List<KafkaBrokerStatistics>();
        if (root.TryGetProperty("brokers", out var brokerMap) && brokerMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var broker in brokerMap.EnumerateObject())
            {
                var nodeId = Int(broker.Value, "nodeid", -1);
                if (nodeId < 0)
                {
                    // Bootstrap and logical entries (GroupCoordinator) repeat a real broker's connection.
                    continue;
                }

                var rtt = broker.Value.TryGetProperty("rtt", out var window) && window.ValueKind == JsonValueKind.Object ? window : default;
                brokers.Add(new KafkaBrokerStatistics(
                    String(broker.Value, "name") ?? broker.Name,
                    (int)nodeId,
                    String(broker.Value, "state") ?? "",
                    rtt.ValueKind == JsonValueKind.Object ? Int(rtt, "cnt", 0) : 0,
                    rtt.ValueKind == JsonValueKind.Object ? Int(rtt, "avg", 0) / 1e6 : 0,
                    rtt.ValueKind == JsonValueKind.Object ? Int(rtt, "p99", 0) / 1e6 : 0));
            }
        }

        var partitions = new List<KafkaPartitionStatistics>();
        if (root.TryGetProperty("topics", out var topics) && topics.ValueKind == JsonValueKind.Object)
        {
            foreach (var topic in topics.EnumerateObject())
            {
                if (!topic.Value.TryGetProperty("partitions", out var partitionMap) || partitionMap.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var partition in partitionMap.EnumerateObject())
                {
                    var id = Int(partition.Value, "partition", -1);
                    if (id < 0)
                    {
                        continue;
                    }

                    partitions.Add(new KafkaPartitionStatistics(
                        String(topic.Value, "topic") ?? topic.Name,
                        (int)id,
                        Int(partition.Value, "hi_offset", -1001),
                        Int(partition.Value, "committed_offset", -1001),
                        Int(partition.Value, "app_offset", -1001),
                        Int(partition.Value, "consumer_lag", -1)));
                }
            }
        }

        return new KafkaStatistics(
            name.GetString()!,
            String(root, "type") ?? "",
            Int(root, "msg_cnt", 0),
            Int(root, "msg_size", 0),
            Int(root, "tx", 0),
            Int(root, "tx_bytes", 0),
            Int(root, "rx_bytes", 0),
            brokers,
            partitions);
    }

    private static long Int(JsonElement element, string property, long missing) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : missing;

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
