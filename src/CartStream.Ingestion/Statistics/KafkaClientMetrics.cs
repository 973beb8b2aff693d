using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Confluent.Kafka;

namespace CartStream.Ingestion.Statistics;

/// <summary>
/// librdkafka's statistics as metrics (meter <c>CartStream.Kafka</c>), CartStream's counterpart of the Metricbeat
/// Kafka module: each client hands its statistics document to <see cref="Record"/> from its statistics handler, and
/// the gauges show the latest document of every live client, tagged <c>client</c> (the handle's name) and <c>type</c>.
/// </summary>
public static class KafkaClientMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CartStream.Kafka";

    /// <summary>How often a client emits statistics unless <c>statistics.interval.ms</c> is configured.</summary>
    public const int DefaultIntervalMs = 5000;

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, KafkaStatistics> Latest = new(StringComparer.Ordinal);

    /// <summary>Messages waiting in a producer's queues (<c>msg_cnt</c>).</summary>
    public static readonly ObservableGauge<long> QueuedMessages = Meter.CreateObservableGauge(
        "cartstream.kafka.client.queued_messages", () => Each(s => s.QueuedMessages), "{message}", "Messages waiting in the Kafka client's producer queues.");

    /// <summary>Bytes of those messages (<c>msg_size</c>).</summary>
    public static readonly ObservableGauge<long> QueuedBytes = Meter.CreateObservableGauge(
        "cartstream.kafka.client.queued_bytes", () => Each(s => s.QueuedBytes), "By", "Bytes waiting in the Kafka client's producer queues.");

    /// <summary>Requests sent to brokers (<c>tx</c>).</summary>
    public static readonly ObservableCounter<long> Requests = Meter.CreateObservableCounter(
        "cartstream.kafka.client.requests", () => Each(s => s.RequestsSent), "{request}", "Requests the Kafka client sent to brokers.");

    /// <summary>Bytes sent to brokers (<c>tx_bytes</c>).</summary>
    public static readonly ObservableCounter<long> Sent = Meter.CreateObservableCounter(
        "cartstream.kafka.client.sent", () => Each(s => s.BytesSent), "By", "Bytes the Kafka client sent to brokers.");

    /// <summary>Bytes received from brokers (<c>rx_bytes</c>).</summary>
    public static readonly ObservableCounter<long> Received = Meter.CreateObservableCounter(
        "cartstream.kafka.client.received", () => Each(s => s.BytesReceived), "By", "Bytes the Kafka client received from brokers.");

    /// <summary>Request round-trip time per broker over the last window, tag <c>stat</c> <c>avg</c> or <c>p99</c>.</summary>
    public static readonly ObservableGauge<double> RoundTrip = Meter.CreateObservableGauge(
        "cartstream.kafka.broker.rtt", ObserveRoundTrips, "s", "Request round-trip time from the Kafka client to each broker, last statistics window.");

    /// <summary>Per partition: high watermark minus the larger of the committed and consumed offsets (<c>consumer_lag</c>).</summary>
    public static readonly ObservableGauge<long> ConsumerLag = Meter.CreateObservableGauge(
        "cartstream.kafka.consumer.lag", () => EachPartition(p => p.ConsumerLag >= 0 ? p.ConsumerLag : null), "{message}",
        "Messages between the partition's high watermark and what the consumer took or committed.");

    /// <summary>Per partition: high watermark minus the group's committed offset.</summary>
    public static readonly ObservableGauge<long> CommittedLag = Meter.CreateObservableGauge(
        "cartstream.kafka.consumer.committed_lag",
        () => EachPartition(p => p is { HighWatermark: >= 0, CommittedOffset: >= 0 } ? Math.Max(0, p.HighWatermark - p.CommittedOffset) : null),
        "{message}", "Messages between the partition's high watermark and the consumer group's committed offset.");

    /// <summary>Turns statistics on in <paramref name="config"/> unless <c>statistics.interval.ms</c> is already set (0 keeps them off).</summary>
    public static void EnableStatistics(ClientConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.StatisticsIntervalMs ??= DefaultIntervalMs;
    }

    /// <summary>A client's statistics handler: keeps the document as the client's latest. A document that does not parse is ignored.</summary>
    public static void Record(string json)
    {
        KafkaStatistics statistics;
        try
        {
            statistics = KafkaStatistics.Parse(json);
        }
        catch (JsonException)
        {
            // A library version with another layout should not stop the client it reports on.
            return;
        }

        Latest[statistics.Name] = statistics;
    }

    /// <summary>Drops the client named <paramref name="name"/> from the gauges (when it is disposed).</summary>
    public static void Forget(string name) => Latest.TryRemove(name, out _);

    private static IEnumerable<Measurement<long>> Each(Func<KafkaStatistics, long> value) =>
        Latest.Values.Select(s => new Measurement<long>(value(s), Client(s)));

    private static IEnumerable<Measurement<long>> EachPartition(Func<KafkaPartitionStatistics, long?> value) =>
        from s in Latest.Values
        where s.Type == "consumer"
        from p in s.Partitions
        let v = value(p)
        where v is not null
        select new Measurement<long>(v.Value, [.. Client(s), new("topic", p.Topic), new("partition", p.Partition)]);

    private static IEnumerable<Measurement<double>> ObserveRoundTrips() =>
        from s in Latest.Values
        from b in s.Brokers
        where b.RoundTrips > 0
        from stat in new[] { ("avg", b.RoundTripAverageSeconds), ("p99", b.RoundTripP99Seconds) }
        select new Measurement<double>(stat.Item2, [.. Client(s), new("broker", b.Name), new("stat", stat.Item1)]);

    private static KeyValuePair<string, object?>[] Client(KafkaStatistics s) => [new("client", s.Name), new("type", s.Type)];
}
