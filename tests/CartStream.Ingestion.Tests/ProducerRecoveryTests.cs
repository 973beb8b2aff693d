using System.Security.Cryptography;
using CartStream.Generator.Labels;
using CartStream.Generator.Rate;
using CartStream.Testing;

namespace CartStream.Ingestion.Tests;

/// <summary>Nothing lost, nothing doubled when the broker or the producer dies mid-run.</summary>
public sealed class ProducerRecoveryTests
{
    [Fact]
    public async Task A_broker_killed_and_restarted_mid_run_loses_and_doubles_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var servers = new KafkaServers();
        await servers.InitializeAsync();
        using var folder = new TempDirectory("broker-restart");
        const int events = 30_000;

        var running = Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, "restart")
            .RunAsync(Producing.Run(folder, events, GenerationRate.Steady(10_000)), ct);
        for (var kill = 0; kill < 2; kill++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            servers.KillBroker();
            await servers.StartBrokerAsync(ct);
        }

        var result = await running;

        Assert.Equal(0, result.Failed);
        AssertEverySequenceOnce(TopicContents.ReadAll(servers.BootstrapServers, "restart", ct), events, stream: 7);
    }

    [Fact]
    public async Task A_producer_killed_with_SIGKILL_and_restarted_with_the_same_seed_sends_every_sequence_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var servers = new KafkaServers();
        await servers.InitializeAsync();
        using var folder = new TempDirectory("producer-kill");
        const int events = 40_000;
        string[] produce =
        [
            "produce", "--events", events.ToString(), "--rate", "8000", "--seed", "9", "--data-dir", folder.Path,
            "--bootstrap-servers", servers.BootstrapServers, "--registry-url", servers.RegistryUrl, "--topic", "killed",
        ];

        // Each kill lands mid-run: once the topic has grown past the next quarter of the stream, at a random
        // moment after that, while the run is still sending.
        var random = new Random(9);
        var lengths = new List<long>();
        for (var kill = 1; kill <= 3; kill++)
        {
            using var producer = Cli.Start(produce);
            while (TopicContents.Count(servers.BootstrapServers, "killed") < events * kill / 4)
            {
                Assert.False(producer.HasExited, "the producer finished before it could be killed mid-run");
                await Task.Delay(50, ct);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 300)), ct);
            producer.Kill();
            lengths.Add(TopicContents.Count(servers.BootstrapServers, "killed"));
        }

        Assert.All(lengths, length => Assert.InRange(length, 1, events - 1));
        var finish = await Cli.RunAsync(TimeSpan.FromMinutes(3), ct, produce);
        finish.EnsureSuccess("the final producer run");

        var messages = TopicContents.ReadAll(servers.BootstrapServers, "killed", ct);
        AssertEverySequenceOnce(messages, events, stream: 9);

        // The labels rewritten by the last run still name the exact payloads the killed runs sent.
        var payloads = messages.ToDictionary(m => m.Sequence, m => Convert.ToHexStringLower(SHA256.HashData(m.Value)));
        var labels = DefectLabel.ReadAll(Path.Combine(folder.Path, "generator", "labels.jsonl")).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.Equal(payloads[label.Seq], label.PayloadSha256));
    }

    private static void AssertEverySequenceOnce(List<StoredMessage> messages, int events, long stream)
    {
        Assert.All(messages, m => Assert.Equal(stream, m.Stream));
        var doubled = messages.GroupBy(m => m.Sequence).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        Assert.True(doubled.Count == 0, $"doubled sequences: {string.Join(", ", doubled)}");
        var present = messages.Select(m => m.Sequence).ToHashSet();
        var missing = Enumerable.Range(0, events).Where(s => !present.Contains(s)).Take(10).ToList();
        Assert.True(missing.Count == 0, $"missing sequences: {string.Join(", ", missing)}");
        Assert.Equal(events, messages.Count);
    }
}
