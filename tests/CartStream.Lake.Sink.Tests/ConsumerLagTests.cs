using CartStream.Generator.Rate;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests;

/// <summary>The sink's consumer lag gauge, read the way a metrics reader reads it.</summary>
public sealed class ConsumerLagTests(KafkaServers servers)
{
    [Fact]
    public async Task Once_every_record_landed_the_lag_gauge_shows_each_partition_of_the_topic_caught_up()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-lag");
        const string topic = "lag";
        using var recorder = new MeasurementRecorder("CartStream.Lake.Sink");
        var notifier = new ChannelFileLandedNotifier();
        await using var sink = new InProcessSink(servers, topic, data.Combine("lake"), notifier, maxFileAge: TimeSpan.FromSeconds(1));

        var produced = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
            .RunAsync(Producing.Run(data, 20, GenerationRate.Steady(200), seed: 5), ct);
        Assert.Equal(20, produced.Acknowledged);
        var landed = new List<FileLanded>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        while (landed.Sum(f => f.RecordCount) < 20)
        {
            landed.Add(await notifier.Reader.ReadAsync(wait.Token));
        }

        // The client learns the high watermark from its fetches: poll until every landed partition is reported.
        var partitions = landed.Select(f => f.Partition).ToHashSet();
        IReadOnlyList<Measurement> lag;
        do
        {
            await Task.Delay(100, wait.Token);
            lag = [.. recorder.Measurements("cartstream.sink.consumer_lag").Where(m => (string?)m.Tags["topic"] == topic).TakeLast(partitions.Count)];
        }
        while (!partitions.All(p => lag.Any(m => (int?)m.Tags["partition"] == p && m.Value == 0)));

        Assert.All(lag, m => Assert.Equal(0, m.Value));
    }
}
