using CartStream.Ingestion.Statistics;
using CartStream.Testing;

namespace CartStream.Ingestion.Tests;

/// <summary>librdkafka's statistics document read into the figures the Kafka client gauges show.</summary>
public sealed class KafkaStatisticsTests
{
    private static readonly string ConsumerDocument = File.ReadAllText(RepoPaths.Combine("tests", "data", "librdkafka-statistics-consumer.json"));

    [Fact]
    public void A_consumer_document_gives_its_traffic_totals_and_the_round_trip_time_of_each_real_broker()
    {
        var statistics = KafkaStatistics.Parse(ConsumerDocument);

        Assert.Equal("rdkafka#consumer-3", statistics.Name);
        Assert.Equal("consumer", statistics.Type);
        Assert.Equal(317, statistics.RequestsSent);
        Assert.Equal(29_696, statistics.BytesSent);
        Assert.Equal(1_104_766, statistics.BytesReceived);
        // The bootstrap entry and the logical GroupCoordinator repeat broker 1's connection: left out.
        var broker = Assert.Single(statistics.Brokers);
        Assert.Equal("127.0.0.1:9092/1", broker.Name);
        Assert.Equal("UP", broker.State);
        Assert.Equal(0.00185, broker.RoundTripAverageSeconds, 9);
        Assert.Equal(0.00563, broker.RoundTripP99Seconds, 9);
    }

    [Fact]
    public void A_consumer_document_gives_each_assigned_partition_its_lag_and_leaves_out_the_unassigned_one()
    {
        var statistics = KafkaStatistics.Parse(ConsumerDocument);

        Assert.Equal([0, 1], statistics.Partitions.Select(p => p.Partition));
        var first = statistics.Partitions[0];
        Assert.Equal(("sales-events", 5210L, 5000L, 5120L, 90L), (first.Topic, first.HighWatermark, first.CommittedOffset, first.ApplicationOffset, first.ConsumerLag));
        var second = statistics.Partitions[1];
        Assert.Equal((-1001L, 0L), (second.CommittedOffset, second.ConsumerLag));
    }

    [Fact]
    public void Text_that_is_not_a_statistics_document_is_refused()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => KafkaStatistics.Parse("""{"brokers":{}}"""));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => KafkaStatistics.Parse("not json"));
    }

    [Fact]
    public void Recorded_statistics_show_as_lag_per_partition_and_committed_lag_only_where_the_group_committed_until_the_client_is_forgotten()
    {
        using var recorder = new MeasurementRecorder(KafkaClientMetrics.MeterName);
        var name = $"rdkafka#consumer-test-{Guid.NewGuid():N}";
        KafkaClientMetrics.Record(ConsumerDocument.Replace("rdkafka#consumer-3", name, StringComparison.Ordinal));
        // Each read polls every observable instrument again and the recorder keeps all of them: compare distinct values.
        List<(int Partition, double Value)> Of(string instrument) =>
            [.. recorder.Measurements(instrument).Where(m => (string?)m.Tags["client"] == name).Select(m => (m.Tags.TryGetValue("partition", out var p) ? (int)p! : -1, m.Value)).Distinct().Order()];

        Assert.Equal([(0, 90d), (1, 0d)], Of("cartstream.kafka.consumer.lag"));
        Assert.Equal([(0, 210d)], Of("cartstream.kafka.consumer.committed_lag"));
        Assert.Equal([(-1, 1_104_766d)], Of("cartstream.kafka.client.received"));

        var before = recorder.Measurements("cartstream.kafka.consumer.lag").Count(m => (string?)m.Tags["client"] == name);
        KafkaClientMetrics.Forget(name);
        Assert.Equal(before, recorder.Measurements("cartstream.kafka.consumer.lag").Count(m => (string?)m.Tags["client"] == name));
    }
}
