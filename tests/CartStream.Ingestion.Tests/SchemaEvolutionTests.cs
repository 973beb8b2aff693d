using System.Text.Json.Nodes;
using Schema = Avro.Schema;
using Avro.Generic;
using Avro.IO;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Generator.Rate;
using CartStream.Testing;
using Confluent.Kafka;
using Confluent.SchemaRegistry;

namespace CartStream.Ingestion.Tests;

public sealed class SchemaEvolutionTests(KafkaServers servers) : IClassFixture<KafkaServers>
{
    private const string Topic = "evolution";

    [Fact]
    public async Task Events_written_with_v1_and_v2_both_decode_with_the_v2_reader()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("evolution");
        var run = Producing.Run(folder, 1_000, GenerationRate.Max);
        run.Generator.DirtyRatio = 0;
        await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, Topic).RunAsync(run, ct);

        var v1 = Schema.Parse(SalesEventSchema.Json);
        var v2 = Schema.Parse(WithGiftWrap(SalesEventSchema.Json));
        using var registry = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = servers.RegistryUrl });
        var v2Id = await registry.RegisterSchemaAsync($"{Topic}-value", new Confluent.SchemaRegistry.Schema(v2.ToString(), SchemaType.Avro));
        await ProduceV2CopiesAsync(v1, v2, v2Id, TopicContents.ReadAll(servers.BootstrapServers, Topic, ct).Take(200).ToList(), ct);

        var all = TopicContents.ReadAll(servers.BootstrapServers, Topic, ct);
        var writers = new Dictionary<int, Schema>();
        var giftWrapped = 0;
        foreach (var message in all)
        {
            Assert.Equal(ConfluentWireFormatStatus.Ok, ConfluentWireFormat.TryRead(message.Value, out int id, out ReadOnlySpan<byte> _));
            if (!writers.TryGetValue(id, out var writer))
            {
                writer = writers[id] = Schema.Parse((await registry.GetSchemaAsync(id)).SchemaString);
            }

            var record = Decode(message.Value, writer, v2);
            Assert.IsType<Guid>(record["event_id"]);
            if (id == v2Id)
            {
                Assert.Equal(true, record["gift_wrap"]);
                giftWrapped++;
            }
            else
            {
                Assert.Null(record["gift_wrap"]);
            }
        }

        Assert.Equal(1_200, all.Count);
        Assert.Equal(200, giftWrapped);
        Assert.Equal(2, writers.Count);
    }

    private async Task ProduceV2CopiesAsync(Schema v1, Schema v2, int v2Id, List<StoredMessage> originals, CancellationToken ct)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = servers.BootstrapServers }).Build();
        var sequence = 1_000L;
        foreach (var original in originals)
        {
            var record = Decode(original.Value, v1, v2);
            record.Add("event_id", Guid.NewGuid());
            record.Add("gift_wrap", true);
            using var body = new MemoryStream();
            body.Write(new byte[ConfluentWireFormat.HeaderLength]);
            ConfluentWireFormat.WriteHeader(body.GetBuffer().AsSpan(0, ConfluentWireFormat.HeaderLength), v2Id);
            new GenericDatumWriter<GenericRecord>(v2).Write(record, new BinaryEncoder(body));
            await producer.ProduceAsync(
                new TopicPartition(Topic, original.Partition),
                new Message<byte[]?, byte[]> { Key = original.Key, Value = body.ToArray(), Headers = ProducerHeaders.Create(7, sequence++) },
                ct);
        }
    }

    private static GenericRecord Decode(byte[] framed, Schema writer, Schema reader)
    {
        using var body = new MemoryStream(framed, ConfluentWireFormat.HeaderLength, framed.Length - ConfluentWireFormat.HeaderLength);
        return new GenericDatumReader<GenericRecord>(writer, reader).Read(null!, new BinaryDecoder(body));
    }

    private static string WithGiftWrap(string v1Json)
    {
        var schema = JsonNode.Parse(v1Json)!;
        schema["fields"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "gift_wrap",
            ["type"] = new JsonArray("null", "boolean"),
            ["default"] = null,
        });
        return schema.ToJsonString();
    }
}
