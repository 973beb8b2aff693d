using CartStream.Generator.Rate;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests;

/// <summary>Announcements are at least once: what a crash kept from being announced, the next run announces.</summary>
public sealed class AnnouncementTests(KafkaServers servers)
{
    [Fact]
    public async Task Files_whose_announcements_were_lost_after_their_state_record_are_announced_by_the_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-announce");
        const string topic = "announce";
        var lakeRoot = data.Combine("lake");
        var produced = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
            .RunAsync(Producing.Run(data, 40, GenerationRate.Max, seed: 5), ct);
        Assert.Equal(40, produced.Acknowledged);

        // The crash point, made deterministic: every batch is published and recorded, every announcement is lost
        // (as when the process dies right after writing the state record).
        await using (var first = new InProcessSink(servers, topic, lakeRoot, new LosingNotifier(), maxFileAge: TimeSpan.FromSeconds(1)))
        {
            await SinkProgress.WaitUntilLandedAsync(first.Store, topic, TopicReader.HighWatermarks(servers.BootstrapServers, topic), TimeSpan.FromMinutes(1), ct);
        }

        var notifier = new ChannelFileLandedNotifier();
        var announced = new List<FileLanded>();
        await using (new InProcessSink(servers, topic, lakeRoot, notifier, maxFileAge: TimeSpan.FromSeconds(1)))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(60));
            while (announced.Sum(f => f.RecordCount) < 40)
            {
                announced.Add(await notifier.Reader.ReadAsync(wait.Token));
            }
        }

        // All 40 events were in the topic before the first run started, so each partition landed in one batch:
        // the last recorded one, which the second run announces with the same facts the first would have.
        var check = await LakeCheck.VerifyAsync(lakeRoot, topic, TopicReader.ReadAll(servers.BootstrapServers, topic, ct), ct);
        Assert.Equal(40, check.RawRecords + check.DeadLetters.Count);
        Assert.Equal(check.Files.Order(), announced.Select(f => f.Key).Order());
        var dumped = await DumpedFile.ReadAllAsync(lakeRoot, ct);
        foreach (var file in announced)
        {
            var read = dumped.Single(d => d.Path.EndsWith(file.Key, StringComparison.Ordinal));
            Assert.Equal(read.Records.Count, file.RecordCount);
            Assert.Equal(read.MetaLong(RawFileMetadata.StartOffset), file.StartOffset);
            Assert.Equal(read.MetaLong(RawFileMetadata.EndOffset), file.EndOffset);
        }
    }

    /// <summary>Loses every announcement, as a sink killed between its state record and its announcements does.</summary>
    private sealed class LosingNotifier : IFileLandedNotifier
    {
        public ValueTask NotifyAsync(FileLanded file, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
