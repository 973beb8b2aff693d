using System.Collections.Concurrent;
using CartStream.Testing;
using Confluent.Kafka;

namespace CartStream.Broker.Tests;

/// <summary>Nothing acknowledged is lost or duplicated when the broker process is killed with SIGKILL.</summary>
public sealed class DurabilityTests
{
    private const int Messages = 100_000;
    private const int Partitions = 3;
    private const int Kills = 3;

    [Fact]
    public async Task Every_acknowledged_message_is_read_exactly_once_after_three_SIGKILLs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("broker-kill");
        using var broker = new BrokerProcess(data.Path, FreePort.Next());
        await broker.StartAsync(ct);
        var topic = "durable";
        await Clients.CreateTopicAsync(broker.BootstrapServers, topic, Partitions);

        var acked = new ConcurrentQueue<(int Partition, long Offset, int Value)>();
        var failures = new ConcurrentQueue<string>();
        var config = Clients.Producer(broker.BootstrapServers);
        config.MessageTimeoutMs = 300_000;
        config.ReconnectBackoffMs = 50;
        config.ReconnectBackoffMaxMs = 200;
        config.BatchNumMessages = 500;
        using var producer = new ProducerBuilder<string, string>(config).Build();
        var produce = Task.Run(() =>
        {
            for (var i = 0; i < Messages; i++)
            {
                var value = i;
                while (true)
                {
                    try
                    {
                        producer.Produce(topic, new Message<string, string> { Key = $"key-{value % 97}", Value = value.ToString() }, report =>
                        {
                            if (report.Error.IsError)
                            {
                                failures.Enqueue(report.Error.ToString());
                            }
                            else
                            {
                                acked.Enqueue((report.Partition.Value, report.Offset.Value, value));
                            }
                        });
                        break;
                    }
                    catch (ProduceException<string, string> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }

                // Pace the producer a little so the kills land while batches are in flight, not after the end.
                if (i % 2000 == 0)
                {
                    Thread.Sleep(10);
                }
            }

            producer.Flush(TimeSpan.FromMinutes(3));
        }, ct);

        for (var kill = 1; kill <= Kills; kill++)
        {
            var threshold = Messages * kill / (Kills + 1);
            while (acked.Count < threshold && !produce.IsCompleted)
            {
                await Task.Delay(5, ct);
            }

            broker.Kill();
            await Task.Delay(300, ct);
            await broker.StartAsync(ct);
        }

        await produce;
        Assert.Empty(failures);
        Assert.Equal(Messages, acked.Count);

        var read = Clients.ReadToEnd(broker.BootstrapServers, topic, Partitions, ct);
        // Exactly once: every value once, and nothing that was not acknowledged.
        Assert.Equal(Messages, read.Count);
        Assert.Equal(Enumerable.Range(0, Messages), read.Select(r => int.Parse(r.Message.Value)).Order());
        // Where the broker said it stored each message is where it is.
        var byValue = read.ToDictionary(r => int.Parse(r.Message.Value));
        foreach (var (partition, offset, value) in acked)
        {
            Assert.Equal((partition, offset), (byValue[value].Partition.Value, byValue[value].Offset.Value));
        }

        // In order within each partition: one key always lands in one partition, and its values only grow.
        foreach (var key in read.GroupBy(r => r.Message.Key))
        {
            var values = key.OrderBy(r => r.Offset.Value).Select(r => int.Parse(r.Message.Value)).ToList();
            Assert.Equal(values.Order(), values);
        }
    }
}
