using System.Text;
using CartStream.Generator.Rate;
using CartStream.Ingestion.Tests;
using CartStream.Lake.Sink.Tests.Support;
using CartStream.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace CartStream.Lake.Sink.Tests;

/// <summary>Records the sink cannot land go to dead-letter files with the reason; the good ones all reach the lake.</summary>
public sealed class DeadLetterTests(KafkaServers servers)
{
    [Fact]
    public async Task Garbage_wrong_magic_unknown_schema_ids_and_empty_values_land_in_the_dead_letter_files_with_reasons()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sink-dlq");
        const string topic = "dlq";
        var lakeRoot = data.Combine("lake");

        // The good events first (the producer creates the topic and registers the schema), then garbage.
        var run = Producing.Run(data, 300, GenerationRate.Max, seed: 5);
        run.Generator.DirtyRatio = 0;
        var produced = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, topic).RunAsync(run, ct);
        Assert.Equal(300, produced.Acknowledged);
        var injected = new (byte[]? Value, string Reason)[]
        {
            (Encoding.UTF8.GetBytes("{\"order_id\":\"not avro, json\"}"), "magic byte"),
            (Encoding.UTF8.GetBytes("plain text from a misconfigured producer"), "magic byte"),
            ([0x00, 0x00, 0x0F, 0x42, 0x3F, 0x02, 0x61], "unknown schema id 999999"),
            ([0x00, 0x01], "shorter than"),
            ([0x01, 0x00, 0x00, 0x00, 0x01, 0x02], "magic byte"),
            (null, "no value"),
        };
        using (var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = servers.BootstrapServers }).Build())
        {
            for (var round = 0; round < 5; round++)
            {
                foreach (var (value, _) in injected)
                {
                    await producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = [(byte)round], Value = value }, ct);
                }
            }
        }

        var filesTopic = $"{topic}.files";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kafka:Common:bootstrap.servers"] = servers.BootstrapServers })
            .Build();
        // Disposing the notifier flushes it, so every announcement is on the topic before it is read back.
        using (var notifier = new KafkaFileLandedNotifier(configuration, filesTopic))
        {
            await using var sink = new InProcessSink(servers, topic, lakeRoot, notifier, maxFileAge: TimeSpan.FromMilliseconds(500));
            await SinkProgress.WaitUntilLandedAsync(sink.Store, topic, TopicReader.HighWatermarks(servers.BootstrapServers, topic), TimeSpan.FromMinutes(1), ct);
        }

        var messages = TopicReader.ReadAll(servers.BootstrapServers, topic, ct);
        var check = await LakeCheck.VerifyAsync(lakeRoot, topic, messages, ct);
        Assert.Equal(300, check.RawRecords);
        Assert.Equal(injected.Length * 5, check.DeadLetters.Count);
        var byValue = messages.Where(m => check.DeadLetters.ContainsKey((m.Partition, m.Offset))).ToList();
        foreach (var message in byValue)
        {
            var expected = injected.First(i => i.Value is null ? message.Value is null : message.Value is not null && i.Value.AsSpan().SequenceEqual(message.Value)).Reason;
            Assert.Contains(expected, check.DeadLetters[(message.Partition, message.Offset)], StringComparison.Ordinal);
        }

        // Every published file was announced on the files topic.
        var announced = TopicReader.ReadAll(servers.BootstrapServers, filesTopic, ct)
            .Select(m => KafkaFileLandedNotifier.Parse(m.Value)!.Key)
            .ToHashSet();
        Assert.Equal(check.Files.Order(), announced.Order());
    }
}
