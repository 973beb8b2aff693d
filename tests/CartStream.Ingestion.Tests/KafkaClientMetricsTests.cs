using CartStream.Generator.Rate;
using CartStream.Ingestion.Statistics;
using CartStream.Testing;

namespace CartStream.Ingestion.Tests;

/// <summary>A producer's librdkafka statistics, over TCP to the embedded broker, read the way a metrics reader reads them.</summary>
public sealed class KafkaClientMetricsTests(KafkaServers servers) : IClassFixture<KafkaServers>
{
    [Fact]
    public async Task While_producing_the_client_gauges_show_bytes_sent_and_the_round_trip_time_to_the_broker()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("kafka-stats");
        using var recorder = new MeasurementRecorder(KafkaClientMetrics.MeterName);
        var broker = $"127.0.0.1:{servers.BrokerPort}/";
        bool SeenSent() => recorder.Measurements("cartstream.kafka.client.sent").Any(m => (string?)m.Tags["type"] == "producer" && m.Value > 0);
        bool SeenRoundTrip() => recorder.Measurements("cartstream.kafka.broker.rtt").Any(m =>
            (string?)m.Tags["type"] == "producer" && ((string?)m.Tags["broker"])!.StartsWith(broker, StringComparison.Ordinal) && m.Value > 0);

        // Slow enough that the producer is still open for several statistics intervals.
        var run = Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, "kafka-stats", statisticsIntervalMs: 100)
            .RunAsync(Producing.Run(folder, 60, GenerationRate.Steady(30)), ct);
        while (!run.IsCompleted && !(SeenSent() && SeenRoundTrip()))
        {
            await Task.Delay(50, ct);
        }

        var result = await run;
        Assert.Equal(60, result.Acknowledged);
        Assert.True(SeenSent(), "no producer reported bytes sent");
        Assert.True(SeenRoundTrip(), $"no producer reported a round-trip time to {broker}");
    }
}
