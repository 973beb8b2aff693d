using System.Text;
using Confluent.Kafka;

namespace CartStream.Broker.Tests;

/// <summary>The broker as Confluent.Kafka (librdkafka) uses it, over TCP.</summary>
public sealed class ConfluentKafkaTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [Theory]
    [InlineData(CompressionType.None)]
    [InlineData(CompressionType.Gzip)]
    [InlineData(CompressionType.Snappy)]
    [InlineData(CompressionType.Lz4)]
    [InlineData(CompressionType.Zstd)]
    public async Task Messages_with_keys_and_headers_come_back_as_produced(CompressionType compression)
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("kv");
        await Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 3);
        using (var producer = new ProducerBuilder<string, string>(Clients.Producer(fixture.BootstrapServers, compression: compression)).Build())
        {
            for (var i = 0; i < 300; i++)
            {
                var headers = new Headers { { "trace", Encoding.UTF8.GetBytes($"t{i}") } };
                producer.Produce(topic, new Message<string, string> { Key = $"k{i}", Value = $"value-{i}-{new string('x', i)}", Headers = headers });
            }

            producer.Flush(ct);
        }

        var read = Clients.ReadAll(fixture.BootstrapServers, topic, 3, 300, ct);
        Assert.Equal(300, read.Count);
        foreach (var result in read)
        {
            var i = int.Parse(result.Message.Key[1..]);
            Assert.Equal($"value-{i}-{new string('x', i)}", result.Message.Value);
            Assert.Equal($"t{i}", Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes("trace")));
        }

        // Within a partition, offsets count up without gaps in the order the keys were sent.
        foreach (var partition in read.GroupBy(r => r.Partition.Value))
        {
            var ordered = partition.OrderBy(r => r.Offset.Value).ToList();
            Assert.Equal(Enumerable.Range(0, ordered.Count).Select(x => (long)x), ordered.Select(r => r.Offset.Value));
            Assert.Equal(ordered.Select(r => int.Parse(r.Message.Key[1..])).Order(), ordered.Select(r => int.Parse(r.Message.Key[1..])));
        }
    }

    [Fact]
    public async Task A_topic_created_with_five_partitions_reports_five()
    {
        var topic = BrokerFixture.NewTopic("created");
        await Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 5);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        Assert.Equal(5, metadata.Topics.Single().Partitions.Count);
        var again = await Assert.ThrowsAsync<Confluent.Kafka.Admin.CreateTopicsException>(() => Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 5));
        Assert.Equal(ErrorCode.TopicAlreadyExists, again.Results.Single().Error.Code);

        await admin.DeleteTopicsAsync([topic]);
        var after = admin.GetMetadata(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(after.Topics, t => t.Topic == topic);
    }

    [Fact]
    public async Task A_group_consumer_resumes_after_its_last_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("resume");
        var group = "g-" + Guid.NewGuid().ToString("N");
        await Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 1);
        using (var producer = new ProducerBuilder<string, string>(Clients.Producer(fixture.BootstrapServers)).Build())
        {
            for (var i = 0; i < 100; i++)
            {
                await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = i.ToString() }, ct);
            }
        }

        using (var first = new ConsumerBuilder<string, string>(Clients.Consumer(fixture.BootstrapServers, group)).Build())
        {
            first.Subscribe(topic);
            var seen = 0;
            while (seen < 40)
            {
                var result = first.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("no message");
                seen++;
                if (seen == 40)
                {
                    first.Commit(result);
                }
            }

            first.Close();
        }

        using var second = new ConsumerBuilder<string, string>(Clients.Consumer(fixture.BootstrapServers, group)).Build();
        second.Subscribe(topic);
        var next = second.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("no message after resume");
        Assert.Equal("40", next.Message.Value);
        second.Close();
    }
}
