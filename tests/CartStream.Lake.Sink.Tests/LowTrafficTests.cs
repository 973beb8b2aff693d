using CartStream.Generator.Rate;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests;

/// <summary>Files close on the wall clock when traffic stops, so a quiet topic still reaches the lake.</summary>
public sealed class LowTrafficTests(KafkaServers servers)
{
    [Fact]
    public async Task Ten_events_then_silence_are_published_by_the_file_age_limit_while_the_sink_keeps_running()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-quiet");
        const string topic = "quiet";
        var notifier = new ChannelFileLandedNotifier();
        var lakeRoot = data.Combine("lake");
        await using var sink = new InProcessSink(servers, topic, lakeRoot, notifier, maxFileAge: TimeSpan.FromSeconds(1));

        var produced = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
            .RunAsync(Producing.Run(data, 10, GenerationRate.Steady(100), seed: 3), ct);
        Assert.Equal(10, produced.Acknowledged);

        // Nothing else could close these files: 10 records are far below the record limit and the sink is not stopped.
        var landed = new List<FileLanded>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(60));
        while (landed.Sum(f => f.RecordCount) < 10)
        {
            landed.Add(await notifier.Reader.ReadAsync(wait.Token));
        }

        Assert.False(sink.Running.IsCompleted);
        var messages = TopicReader.ReadAll(servers.BootstrapServers, topic, ct);
        var check = await LakeCheck.VerifyAsync(lakeRoot, topic, messages, ct);
        Assert.Equal(10, check.RawRecords + check.DeadLetters.Count);
        Assert.Equal(check.Files.Order(), landed.Select(f => f.Key).Order());
    }
}
