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

    [Fact]
    public async Task Two_kcat_group_members_split_partitions_and_one_takes_all_when_the_other_leaves()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("kcat-members");
        var wait = TimeSpan.FromSeconds(30);
        await Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 2);
        string[] args = ["-b", fixture.BootstrapServers, "-G", "g-" + topic, topic, "-X", "session.timeout.ms=6000",
            "-X", "heartbeat.interval.ms=500", "-f", "%s\\n"];

        // kcat reports each rebalance on stderr: "% Group ... rebalanced (...): assigned: topic [0], topic [1]".
        static int Assigned(string line) => line.Contains("assigned:", StringComparison.Ordinal) ? line.Count(c => c == '[') : -1;
        using var first = RunningProcess.Start("kcat", args, includeStandardError: true);
        await first.WaitForLineAsync(line => Assigned(line) == 2, wait, ct);

        using var second = RunningProcess.Start("kcat", args, includeStandardError: true);
        await second.WaitForLineAsync(line => Assigned(line) == 1, wait, ct);
        await first.WaitForLineAsync(line => Assigned(line) == 1, wait, ct);

        await second.TerminateAsync(wait, ct);
        await first.WaitForLineAsync(line => Assigned(line) == 2, wait, ct);
    }
}
