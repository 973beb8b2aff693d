using CartStream.Testing;

namespace CartStream.Broker.Tests;

/// <summary>The broker as Debian's kcat uses it.</summary>
public sealed class KcatTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("none")]
    [InlineData("gzip")]
    [InlineData("snappy")]
    [InlineData("lz4")]
    [InlineData("zstd")]
    public async Task Kcat_reads_back_keys_values_and_headers_it_produced(string codec)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("kcat-" + codec);
        var input = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"key{i}:value{i}")) + "\n";
        await ExternalProcess.RunAsync("kcat", ["-b", fixture.BootstrapServers, "-P", "-t", topic, "-K:", "-z", codec,
            "-H", "origin=kcat", "-X", "enable.idempotence=true"], Timeout, ct, standardInput: input).ContinueWith(t => t.Result.EnsureSuccess("kcat -P"), ct);

        var read = (await ExternalProcess.RunAsync("kcat", ["-b", fixture.BootstrapServers, "-C", "-t", topic, "-e", "-f", "%k|%s|%h|%o\\n"],
            Timeout, ct)).EnsureSuccess("kcat -C");
        var lines = read.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"key{i}|value{i}|origin=kcat|{i}"), lines);
    }

    [Fact]
    public async Task A_kcat_group_consumer_continues_where_the_previous_one_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("kcat-group");
        var group = "g-" + topic;
        var input = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"m{i}")) + "\n";
        (await ExternalProcess.RunAsync("kcat", ["-b", fixture.BootstrapServers, "-P", "-t", topic], Timeout, ct, standardInput: input)).EnsureSuccess("kcat -P");

        string[] Consume(ProcessResult r) => r.EnsureSuccess("kcat -G").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] args = ["-b", fixture.BootstrapServers, "-G", group, topic, "-f", "%s\\n", "-X", "auto.offset.reset=earliest", "-q"];
        var first = Consume(await ExternalProcess.RunAsync("kcat", [.. args, "-c", "20"], Timeout, ct));
        var second = Consume(await ExternalProcess.RunAsync("kcat", [.. args, "-c", "30"], Timeout, ct));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), first);
        Assert.Equal(Enumerable.Range(20, 30).Select(i => $"m{i}"), second);
    }
}
