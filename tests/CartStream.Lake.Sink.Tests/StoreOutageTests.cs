using System.Globalization;
using CartStream.Generator.Rate;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests;

/// <summary>The object store going away mid-stream: the sink retries, commits nothing meanwhile, and loses nothing.</summary>
public sealed class StoreOutageTests(KafkaServers servers)
{
    [Fact]
    public async Task A_sink_whose_object_store_goes_down_mid_stream_lands_every_offset_once_after_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-outage");
        const string topic = "outage";
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var bucket = S3TestServer.NewBucketName();
        var server = await StartServerAsync(data.Combine("s3"), port, ct);
        try
        {
            var store = new S3ObjectStore(S3TestServer.Options(bucket, url: url), S3TestServer.Credentials);
            await store.EnsureBucketAsync(ct);
            var producing = Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic)
                .RunAsync(Producing.Run(data, 6_000, GenerationRate.Steady(1_000), seed: 13), ct);
            await using (var sink = new InProcessSink(servers, topic, store, notifier: null, maxFileAge: TimeSpan.FromMilliseconds(300)))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                server.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(3), ct);
                Assert.False(sink.Running.IsCompleted);
                server = await StartServerAsync(data.Combine("s3"), port, ct);
                Assert.Equal(0, (await producing).Failed);
                await SinkProgress.WaitUntilLandedAsync(store, topic, TopicReader.HighWatermarks(servers.BootstrapServers, topic), TimeSpan.FromMinutes(2), ct);
            }

            using var reading = new S3ObjectStore(S3TestServer.Options(bucket, url: url), S3TestServer.Credentials);
            var copy = data.Combine("downloaded");
            await foreach (var info in reading.ListAsync(LakeLayout.TopicsArea, ct))
            {
                var path = Path.Combine(copy, info.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, await reading.ReadAllBytesAsync(info.Key, ct), ct);
            }

            var messages = TopicReader.ReadAll(servers.BootstrapServers, topic, ct);
            var check = await LakeCheck.VerifyAsync(copy, topic, messages, ct);
            Assert.Equal(6_000, check.RawRecords + check.DeadLetters.Count);
        }
        finally
        {
            server.Dispose();
        }
    }

    private static async Task<BackgroundProcess> StartServerAsync(string folder, int port, CancellationToken ct)
    {
        var server = BackgroundProcess.Start(
            "node",
            [Path.Combine(RepoPaths.NpmTools("npm-s3"), "node_modules", "s3rver", "bin", "s3rver.js"), "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--no-vhost-buckets", "--silent"]);
        await server.WaitForPortAsync(port, TimeSpan.FromSeconds(90), ct);
        return server;
    }
}
