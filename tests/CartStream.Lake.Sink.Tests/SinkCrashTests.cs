using CartStream.Events.Avro;
using CartStream.Generator.Rate;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests;

/// <summary>The sink process killed with SIGKILL at random moments while events stream in, on a folder and on S3.</summary>
public sealed class SinkCrashTests(KafkaServers servers)
{
    // The suite's size; scripts/sink-kill-test.sh raises it (500,000 events, 20 kills).
    private static readonly int Events = SizeFromEnvironment("CARTSTREAM_SINK_KILL_EVENTS", 50_000);
    private static readonly int Kills = SizeFromEnvironment("CARTSTREAM_SINK_KILLS", 5);

    [Fact]
    public async Task A_sink_killed_with_SIGKILL_mid_stream_lands_every_offset_in_exactly_one_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-crash");
        const string topic = "crash-local";
        var lakeRoot = Path.Combine(data.Path, "lake");

        using var sink = await KillRepeatedlyAsync(data, topic, Events, Kills, storage: null, ct);

        using var store = new LocalObjectStore(Directory.CreateDirectory(lakeRoot).FullName);
        var messages = await WaitForLakeAsync(sink, store, topic, ct);
        var check = await LakeCheck.VerifyAsync(lakeRoot, topic, messages, ct);

        // The generator's dirty stream includes messages that are not Avro at all: they are dead letters.
        var notAvro = messages.Where(m => m.Value is null || m.Value.Length < 5 || m.Value[0] != 0).Select(m => (m.Partition, m.Offset)).ToHashSet();
        Assert.NotEmpty(notAvro);
        Assert.Equal(notAvro.Order(), check.DeadLetters.Keys.Order());
        Assert.Equal(messages.Count - notAvro.Count, check.RawRecords);
    }

    [Fact]
    public async Task A_sink_killed_mid_stream_on_S3_lands_every_offset_once_with_the_bytes_kafka_holds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-crash-s3");
        const string topic = "crash-s3";
        var bucket = S3TestServer.NewBucketName();
        var options = S3TestServer.Options(bucket, prefix: "lake");
        using var store = new S3ObjectStore(options, S3TestServer.Credentials);
        await store.EnsureBucketAsync(ct);
        var storage = new Dictionary<string, string>
        {
            ["CARTSTREAM_Lake__Storage__Kind"] = "S3",
            ["CARTSTREAM_Lake__Storage__Bucket"] = bucket,
            ["CARTSTREAM_Lake__Storage__Prefix"] = "lake",
            ["CARTSTREAM_Lake__Storage__ServiceUrl"] = S3TestServer.Url,
            ["CARTSTREAM_Lake__Storage__ForcePathStyle"] = "true",
            ["CARTSTREAM_Lake__Storage__ConditionalCreate"] = "BestEffort",
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        };

        using var sink = await KillRepeatedlyAsync(data, topic, events: 10_000, kills: 2, storage, ct);

        var messages = await WaitForLakeAsync(sink, store, topic, ct);
        var copy = data.Combine("downloaded");
        await DownloadAsync(store, LakeLayout.TopicsArea, copy, ct);
        var check = await LakeCheck.VerifyAsync(copy, topic, messages, ct);
        Assert.Equal(messages.Count, check.RawRecords + check.DeadLetters.Count);

        // Byte for byte: each raw record read back from S3 is the Avro body Kafka holds at its offset.
        var bodies = messages.Where(m => m.Value is { Length: >= 5 } v && v[0] == 0).ToLookup(m => m.Partition);
        var fromLake = new Dictionary<int, List<byte[]>>();
        foreach (var file in check.Files.Where(f => !f.Contains(LakeLayout.DeadLetterSuffix + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            LakeLayout.TryParseRawFileKey(file, out var id);
            await using var stream = File.OpenRead(Path.Combine(copy, file));
            using var reader = new AvroContainerReader(stream, file);
            var list = fromLake.TryGetValue(id.Partition, out var l) ? l : fromLake[id.Partition] = [];
            list.AddRange(reader.ReadRecords().Select(r => r.ToArray()));
        }

        foreach (var partition in bodies)
        {
            var expected = partition.OrderBy(m => m.Offset).Select(m => m.Value![5..]).ToList();
            Assert.Equal(expected.Count, fromLake[partition.Key].Count);
            Assert.True(expected.Zip(fromLake[partition.Key]).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second)), $"partition {partition.Key}: bytes differ");
        }
    }

    /// <summary>Kills the sink <paramref name="kills"/> times while events stream in; returns the sink started last, left running.</summary>
    private async Task<RunningProcess> KillRepeatedlyAsync(TempDirectory data, string topic, int events, int kills, IReadOnlyDictionary<string, string>? storage, CancellationToken ct)
    {
        // Slow enough that events keep arriving while the sink is killed and restarted (about 5 s per kill).
        var producing = Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
            .RunAsync(Producing.Run(data, events, GenerationRate.Steady(events / (kills * 4.0)), seed: 11), ct);
        var random = new Random(topic.Length);
        for (var kill = 0; kill < kills; kill++)
        {
            using var sink = await SinkProcess.StartAsync(servers, data.Path, topic, storage, ct);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2500, 6000)), ct);
            sink.Kill();
        }

        var produced = await producing;
        Assert.Equal(0, produced.Failed);
        return await SinkProcess.StartAsync(servers, data.Path, topic, storage, ct);
    }

    private async Task<List<KafkaRecord>> WaitForLakeAsync(RunningProcess sink, IObjectStore store, string topic, CancellationToken ct)
    {
        var watermarks = TopicReader.HighWatermarks(servers.BootstrapServers, topic);
        await SinkProgress.WaitUntilLandedAsync(store, topic, watermarks, TimeSpan.FromMinutes(10), ct);
        sink.Kill();
        return TopicReader.ReadAll(servers.BootstrapServers, topic, ct);
    }

    private static async Task DownloadAsync(IObjectStore store, string prefix, string folder, CancellationToken ct)
    {
        await foreach (var info in store.ListAsync(prefix, ct))
        {
            var path = Path.Combine(folder, info.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, await store.ReadAllBytesAsync(info.Key, ct), ct);
        }
    }

    private static int SizeFromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
