using CartStream.Generator.Rate;
using CartStream.Ingestion.Statistics;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests;

/// <summary>The sink's consumer lag gauge, read the way a metrics reader reads it.</summary>
public sealed class ConsumerLagTests(KafkaServers servers)
{
    private const int Events = 20;

    [Fact]
    public async Task Once_every_record_landed_the_lag_gauge_shows_each_partition_of_the_topic_caught_up()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-lag");
        const string topic = "lag";
        using var recorder = new MeasurementRecorder("CartStream.Lake.Sink");
        var notifier = new ChannelFileLandedNotifier();
        await using var sink = new InProcessSink(servers, topic, data.Combine("lake"), notifier, maxFileAge: TimeSpan.FromSeconds(1));

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        var landed = await ProduceAndLandAsync(data, topic, seed: 5, notifier, wait.Token);

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

    [Fact]
    public async Task Once_every_record_landed_the_client_statistics_show_each_partition_with_no_lag_and_nothing_uncommitted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-stats-lag");
        const string topic = "stats-lag";
        using var recorder = new MeasurementRecorder(KafkaClientMetrics.MeterName);
        using var sinkRecorder = new MeasurementRecorder("CartStream.Lake.Sink");
        var notifier = new ChannelFileLandedNotifier();
        await using var sink = new InProcessSink(servers, topic, data.Combine("lake"), notifier, maxFileAge: TimeSpan.FromSeconds(1));

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        var landed = await ProduceAndLandAsync(data, topic, seed: 6, notifier, wait.Token);

        // librdkafka reports every few hundred milliseconds: wait for a report taken after the last commit.
        var partitions = landed.Select(f => f.Partition).ToHashSet();
        bool CaughtUp(string instrument) => partitions.All(p => recorder.Measurements(instrument)
            .LastOrDefault(m => (string?)m.Tags["topic"] == topic && (int?)m.Tags["partition"] == p) is { Value: 0 });
        while (!(CaughtUp("cartstream.kafka.consumer.lag") && CaughtUp("cartstream.kafka.consumer.committed_lag")))
        {
            await Task.Delay(100, wait.Token);
        }

        // The sink's own publishing figures cover at least these files (other tests' sinks add to the same instruments).
        var fileBytes = landed.Sum(f => new FileInfo(Path.Combine(data.Combine("lake"), f.Key)).Length);
        Assert.True(sinkRecorder.Measurements("cartstream.sink.bytes").Sum(m => m.Value) >= fileBytes);
        // One duration per batch, and a batch is at most two files (raw and dead-letter).
        Assert.True(sinkRecorder.Measurements("cartstream.sink.publish.duration").Count >= (landed.Count + 1) / 2);

        var sinkClients = recorder.Measurements("cartstream.kafka.consumer.lag").Where(m => (string?)m.Tags["topic"] == topic).Select(m => (string?)m.Tags["type"]).Distinct();
        Assert.Equal(["consumer"], sinkClients);
    }

    private async Task<List<FileLanded>> ProduceAndLandAsync(TempDirectory data, string topic, int seed, ChannelFileLandedNotifier notifier, CancellationToken wait)
    {
        var produced = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
            .RunAsync(Producing.Run(data, Events, GenerationRate.Steady(200), seed), wait);
        Assert.Equal(Events, produced.Acknowledged);
        var landed = new List<FileLanded>();
        while (landed.Sum(f => f.RecordCount) < Events)
        {
            landed.Add(await notifier.Reader.ReadAsync(wait));
        }

        return landed;
    }
}
