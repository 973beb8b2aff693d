using System.Collections.Concurrent;
using System.Threading.Channels;
using CartStream.Generator.Rate;
using CartStream.Ingestion;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Transform.Follow;
using CartStream.Transform.Tests.Support;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Configuration;

namespace CartStream.Transform.Tests;

/// <summary>
/// The transform following the sink: events produced to the embedded broker over TCP, landed by a sink in this
/// process, announced, and transformed by followers, end as exactly one row each.
/// </summary>
public sealed class FollowerTests(KafkaServers servers) : IClassFixture<KafkaServers>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_followers_in_one_group_share_the_announced_files_and_every_record_becomes_exactly_one_row()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("follow-kafka");
        var topic = $"follow-{Guid.NewGuid():N}"[..20];
        var filesTopic = $"{topic}.files";
        await CreateTopicAsync(filesTopic, partitions: 3);
        var configuration = Configuration();
        var lakeRoot = data.Combine("lake");
        var published = new ConcurrentBag<TransformBatchPublished>();
        var follow = new TransformFollowOptions { FilesTopic = filesTopic, GroupId = $"{topic}-transform", ListingInterval = TimeSpan.FromMinutes(10) };

        using var notifier = new KafkaFileLandedNotifier(configuration, filesTopic);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var followerStore = new LocalObjectStore(Directory.CreateDirectory(lakeRoot).FullName);
        var followers = Enumerable.Range(0, 2).Select(_ => new TransformFollower(followerStore, new TransformOptions(), follow, Collect(published))).ToList();
        var consumers = followers.Select(_ => new FileLandedConsumer(configuration, follow)).ToList();
        var running = followers.Zip(consumers, (f, c) => f.RunAsync(c, stop.Token)).ToList();
        // Both members hold partitions of the files topic before any file lands: otherwise the first to join may
        // take every announcement while the group is still forming.
        await WaitUntilAsync(() => consumers.All(c => c.AssignedPartitions > 0) && consumers.Sum(c => c.AssignedPartitions) == 3, ct);
        // Three seconds of events in files of at most 200 ms: dozens of announcements, spread by key over all three partitions.
        var messages = await LandUntilTransformedAsync(data, topic, notifier, TimeSpan.FromMilliseconds(200), 3_000, seed: 11, published, ct);

        await stop.CancelAsync();
        await Task.WhenAll(running);

        var inputs = published.SelectMany(p => p.Report.InputFiles).ToList();
        Assert.Equal(inputs.Count, inputs.Distinct().Count());
        Assert.All(followers, f => Assert.True(f.BatchesPublished > 0));
        AssertOneRowPerMessage(lakeRoot, messages);
        Assert.All(published, p => Assert.True(File.Exists(Path.Combine(lakeRoot, p.QualityReportKey))));
    }

    [Fact]
    public async Task A_file_whose_announcement_is_lost_is_still_transformed_by_the_periodic_listing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("follow-channel");
        var topic = $"lost-{Guid.NewGuid():N}"[..20];
        var lakeRoot = data.Combine("lake");
        var published = new ConcurrentBag<TransformBatchPublished>();
        var follow = new TransformFollowOptions { ListingInterval = TimeSpan.FromSeconds(1), ListingGrace = TimeSpan.Zero };
        var notifier = new ChannelFileLandedNotifier();
        var toFollower = Channel.CreateUnbounded<FileLanded>();
        string? lost = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        // Between the sink and the follower: the first announcement goes missing, as in a crash right after publishing.
        var relay = Task.Run(async () =>
        {
            await foreach (var landed in notifier.Reader.ReadAllAsync(stop.Token))
            {
                if (lost is null)
                {
                    lost = landed.Key;
                    continue;
                }

                await toFollower.Writer.WriteAsync(landed, stop.Token);
            }
        }, CancellationToken.None);

        using var followerStore = new LocalObjectStore(Directory.CreateDirectory(lakeRoot).FullName);
        var follower = new TransformFollower(followerStore, new TransformOptions(), follow, Collect(published));
        var running = follower.RunAsync(toFollower.Reader, stop.Token);
        var messages = await LandUntilTransformedAsync(data, topic, notifier, TimeSpan.FromMilliseconds(300), 500, seed: 5, published, ct);

        await stop.CancelAsync();
        await running;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => relay);

        Assert.NotNull(lost);
        Assert.Contains(lost, published.SelectMany(p => p.Report.InputFiles));
        AssertOneRowPerMessage(lakeRoot, messages);
    }

    private static Func<TransformBatchPublished, CancellationToken, ValueTask> Collect(ConcurrentBag<TransformBatchPublished> published) =>
        (batch, _) =>
        {
            published.Add(batch);
            return ValueTask.CompletedTask;
        };

    private static void AssertOneRowPerMessage(string lakeRoot, List<KafkaRecord> messages)
    {
        var rows = LakeRows.Origins(lakeRoot);
        Assert.Equal(messages.Count, rows.Count);
        Assert.Equal(messages.Select(m => (m.Partition, m.Offset)).Order(), rows.Order());
    }

    /// <summary>
    /// Produces <paramref name="events"/> at 1,000 a second to <paramref name="topic"/>, lands them with a sink into
    /// <c>lake</c> under <paramref name="data"/>, and waits until the followers published as many records as the topic holds.
    /// </summary>
    private async Task<List<KafkaRecord>> LandUntilTransformedAsync(
        TempDirectory data, string topic, IFileLandedNotifier notifier, TimeSpan maxFileAge, int events, int seed,
        ConcurrentBag<TransformBatchPublished> published, CancellationToken ct)
    {
        await using var sink = new InProcessSink(servers, topic, data.Combine("lake"), notifier, maxFileAge);
        var produced = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
            .RunAsync(Producing.Run(data, events, GenerationRate.Steady(1_000), seed), ct);
        Assert.Equal(events, produced.Acknowledged);
        var messages = TopicReader.ReadAll(servers.BootstrapServers, topic, ct);
        await WaitForRecordsAsync(published, messages.Count, ct);
        return messages;
    }

    private static Task WaitForRecordsAsync(ConcurrentBag<TransformBatchPublished> published, int records, CancellationToken ct) =>
        WaitUntilAsync(() => published.Sum(p => p.Report.Records) >= records, ct);

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(Patience);
        while (!condition())
        {
            await Task.Delay(100, wait.Token);
        }
    }

    private IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = servers.BootstrapServers })
        .Build();

    private async Task CreateTopicAsync(string topic, int partitions)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = servers.BootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 }]);
    }
}
