using System.Text;

namespace CartStream.Broker.Tests;

/// <summary>The broker as kafkajs (an independent, pure-JavaScript client) uses it.</summary>
public sealed class KafkaJsTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [Theory]
    [InlineData("none")]
    [InlineData("gzip")]
    [InlineData("snappy")]
    [InlineData("lz4")]
    [InlineData("zstd")]
    public async Task Idempotent_compressed_batches_round_trip_and_other_clients_read_them(string codec)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("js-" + codec);
        var brokers = fixture.BootstrapServers;
        var created = await KafkaJs.RunAsync("createTopic", new { brokers, topic, partitions = 2 }, ct);
        Assert.Equal(2, (int)created["partitions"]!);

        await KafkaJs.RunAsync("produce", new { brokers, topic, count = 300, codec, idempotent = true }, ct);
        var consumed = (await KafkaJs.RunAsync("consume", new { brokers, topic, count = 300, group = "g-" + topic }, ct))["consumed"]!.AsArray();
        Assert.Equal(300, consumed.Count);
        Assert.All(consumed, m => Assert.Equal("v" + (string)m!["seq"]!, (string)m["value"]!));
        Assert.Equal(Enumerable.Range(0, 300), consumed.Select(m => int.Parse((string)m!["seq"]!)).Order());

        // librdkafka decodes what kafkajs compressed: the broker stored the batches untouched.
        var read = Clients.ReadToEnd(brokers, topic, 2, ct);
        Assert.Equal(300, read.Count);
        Assert.All(read, r => Assert.Equal("k" + Encoding.UTF8.GetString(r.Message.Headers.GetLastBytes("seq")), r.Message.Key));
    }

    [Fact]
    public async Task A_kafkajs_group_resumes_after_its_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("js-resume");
        var brokers = fixture.BootstrapServers;
        var group = "g-" + topic;
        await KafkaJs.RunAsync("createTopic", new { brokers, topic, partitions = 1 }, ct);
        await KafkaJs.RunAsync("produce", new { brokers, topic, count = 100 }, ct);
        await KafkaJs.RunAsync("consume", new { brokers, topic, count = 40, group, commit = true }, ct);
        var rest = (await KafkaJs.RunAsync("consume", new { brokers, topic, count = 60, group }, ct))["consumed"]!.AsArray();
        Assert.Equal(Enumerable.Range(40, 60), rest.Select(m => int.Parse((string)m!["seq"]!)));
    }

    [Fact]
    public async Task Kafkajs_members_share_partitions_as_they_join_and_leave()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("js-group");
        var brokers = fixture.BootstrapServers;
        var group = "g-" + topic;
        var wait = TimeSpan.FromSeconds(20);
        await KafkaJs.RunAsync("createTopic", new { brokers, topic, partitions = 3 }, ct);

        using var first = KafkaJs.StartMember(new { brokers, topic, group });
        await first.WaitForLineAsync(line => Count(line) == 3, wait, ct);

        using var second = KafkaJs.StartMember(new { brokers, topic, group });
        var secondShare = Count(await second.WaitForLineAsync(line => Count(line) > 0, wait, ct));
        var firstShare = Count(await first.WaitForLineAsync(line => Count(line) is > 0 and < 3, wait, ct));
        Assert.Equal(3, firstShare + secondShare);

        await second.CloseInputAndWaitAsync(wait, ct);
        await first.WaitForLineAsync(line => Count(line) == 3, wait, ct);
    }

    private static int Count(string line) =>
        System.Text.Json.Nodes.JsonNode.Parse(line)?["assignment"]?.AsArray().Count ?? -1;
}
