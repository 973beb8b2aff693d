using System.Buffers.Binary;
using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;

namespace CartStream.Broker.Benchmark;

/// <summary>The child processes of a run: producer, consumer and the host of the librdkafka mock cluster.</summary>
internal static class ClientRoles
{
    public static int Produce(string bootstrap, string topic, int messages, int bytes)
    {
        long acked = 0, failed = 0;
        using var producer = new ProducerBuilder<Null, byte[]>(ClientSettings.Producer(bootstrap)).Build();
        var watch = Stopwatch.StartNew();
        var template = new byte[bytes];
        Random.Shared.NextBytes(template);
        Action<DeliveryReport<Null, byte[]>> onDelivery = report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref failed);
            }
            else
            {
                Interlocked.Increment(ref acked);
            }
        };
        for (var i = 0; i < messages; i++)
        {
            var value = (byte[])template.Clone();
            BinaryPrimitives.WriteInt32BigEndian(value, i);
            while (true)
            {
                try
                {
                    producer.Produce(topic, new Message<Null, byte[]> { Value = value }, onDelivery);
                    break;
                }
                catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(5));
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { role = "produce", acked, failed, seconds, rate = acked / seconds }));
        return failed == 0 ? 0 : 1;
    }

    public static int Consume(string bootstrap, string topic, int messages)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(ClientSettings.Consumer(bootstrap)).Build();
        var metadata = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        int partitions;
        using (metadata)
        {
            partitions = metadata.GetMetadata(topic, TimeSpan.FromSeconds(30)).Topics.Single().Partitions.Count;
        }

        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var seen = new BitArray(messages);
        var unique = 0;
        long duplicates = 0;
        Stopwatch? watch = null;
        var lastMessage = Stopwatch.StartNew();
        while (unique < messages && lastMessage.Elapsed < TimeSpan.FromSeconds(15))
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result?.Message?.Value is not { Length: >= 4 } value)
            {
                continue;
            }

            watch ??= Stopwatch.StartNew();
            lastMessage.Restart();
            var sequence = BinaryPrimitives.ReadInt32BigEndian(value);
            if (sequence < 0 || sequence >= messages)
            {
                continue;
            }

            if (seen[sequence])
            {
                duplicates++;
            }
            else
            {
                seen[sequence] = true;
                unique++;
            }
        }

        var seconds = watch is null ? 0 : watch.Elapsed.TotalSeconds - (unique < messages ? lastMessage.Elapsed.TotalSeconds : 0);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            role = "consume", partitions, unique, duplicates, lost = messages - unique, seconds, rate = seconds > 0 ? unique / seconds : 0,
        }));
        return 0;
    }

    /// <summary>
    /// Starts librdkafka's mock cluster inside this process and prints its address, so that producer and consumer
    /// reach it from their own processes exactly as they reach our broker.
    /// </summary>
    public static int HostMock()
    {
        var address = new TaskCompletionSource<string>();
        var config = new ProducerConfig { BootstrapServers = "unused:9092" };
        config.Set("test.mock.num.brokers", "1");
        using var host = new ProducerBuilder<Null, byte[]>(config)
            .SetLogHandler((_, message) =>
            {
                const string marker = "replaced with ";
                var at = message.Message.IndexOf(marker, StringComparison.Ordinal);
                if (message.Facility == "MOCK" && at >= 0)
                {
                    address.TrySetResult(message.Message[(at + marker.Length)..].Trim());
                }
            })
            .Build();
        Console.WriteLine($"bootstrap.servers={address.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult()}");
        Console.Out.Flush();
        Console.In.ReadToEnd();
        return 0;
    }
}
