using CartStream.Testing;
using Confluent.Kafka;

namespace CartStream.Broker.Tests;

/// <summary>Idempotent producers: retried batches are acknowledged once and stored once, even across restarts.</summary>
public sealed class IdempotenceTests
{
    [Fact]
    public async Task A_retried_batch_gets_its_original_offset_and_is_stored_once_even_after_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("broker-idem");
        var options = new BrokerOptions { DataDirectory = data.Path, Port = 0 };
        var topic = "idem";
        var broker = new KafkaBroker(options);
        await broker.StartAsync(ct);
        await Clients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
        const long producerId = 4242;
        using (var client = new RawClient(broker.Port))
        {
            var first = RawClient.ParseProduce(client.Send(0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(producerId, 0, 0, "a", "b")), null));
            var second = RawClient.ParseProduce(client.Send(0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(producerId, 0, 2, "c")), null));
            var retry = RawClient.ParseProduce(client.Send(0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(producerId, 0, 0, "a", "b")), null));
            Assert.Equal((0, 0L), first);
            Assert.Equal((0, 2L), second);
            Assert.Equal((0, 0L), retry);

            var gap = RawClient.ParseProduce(client.Send(0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(producerId, 0, 7, "z")), null));
            Assert.Equal((short)45, gap.Error);
        }

        await broker.DisposeAsync();
        broker = new KafkaBroker(options);
        await broker.StartAsync(ct);
        await using (broker)
        {
            using (var client = new RawClient(broker.Port))
            {
                var retryAfterRestart = RawClient.ParseProduce(client.Send(0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(producerId, 0, 2, "c")), null));
                Assert.Equal((0, 2L), retryAfterRestart);
                var next = RawClient.ParseProduce(client.Send(0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(producerId, 0, 3, "d")), null));
                Assert.Equal((0, 3L), next);
            }

            var values = Clients.ReadToEnd(broker.BootstrapServers, topic, 1, ct).Select(r => r.Message.Value);
            Assert.Equal(["a", "b", "c", "d"], values);
        }
    }

    [Fact]
    public async Task A_torn_tail_left_by_a_crash_is_cut_and_never_served()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("broker-torn");
        var options = new BrokerOptions { DataDirectory = data.Path, Port = 0 };
        var topic = "torn";
        await using (var broker = new KafkaBroker(options))
        {
            await broker.StartAsync(ct);
            await Clients.CreateTopicAsync(broker.BootstrapServers, topic, 1);
            using var producer = new ProducerBuilder<string, string>(Clients.Producer(broker.BootstrapServers)).Build();
            for (var i = 0; i < 10; i++)
            {
                await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = $"m{i}" }, ct);
            }
        }

        // What a kill in the middle of a write leaves: the first half of one more batch at the end of the segment.
        var segment = Directory.GetFiles(Path.Combine(data.Path, $"{topic}-0"), "*.log").Single();
        var whole = File.ReadAllBytes(segment);
        var half = RawClient.Batch(-1, -1, -1, "never acknowledged");
        await File.AppendAllBytesAsync(segment, half.AsMemory(0, half.Length / 2).ToArray(), ct);

        await using (var broker = new KafkaBroker(options))
        {
            await broker.StartAsync(ct);
            Assert.Equal(whole.Length, new FileInfo(segment).Length);
            using (var producer = new ProducerBuilder<string, string>(Clients.Producer(broker.BootstrapServers)).Build())
            {
                var after = await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "after" }, ct);
                Assert.Equal(10, after.Offset.Value);
            }

            var values = Clients.ReadToEnd(broker.BootstrapServers, topic, 1, ct).Select(r => r.Message.Value);
            Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"m{i}"), "after"], values);
        }
    }
}
