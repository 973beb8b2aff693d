using Avro.Generic;
using Avro.IO;
using CartStream.Events.Avro;
using Confluent.SchemaRegistry;

namespace CartStream.Registry.Tests;

/// <summary>
/// What a consumer does with a message: read the schema id from the wire-format header, fetch the writer schema
/// from the registry, decode the body with its own reader schema.
/// </summary>
public sealed class WireFormatWithRegistryTests
{
    private const string Subject = "points-value";

    private static readonly string PointV1 = TestSchemas.Record("Point", """{"name":"x","type":"int"}""");

    private static readonly string PointV2 = TestSchemas.Record(
        "Point", """{"name":"x","type":"long"}""", """{"name":"label","type":["null","string"],"default":null}""");

    [Fact]
    public async Task Messages_written_with_v1_and_v2_both_decode_with_the_v2_reader()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var producer = registry.NewClient();
        var v1Id = await producer.RegisterSchemaAsync(Subject, new Schema(PointV1, SchemaType.Avro));
        var v2Id = await producer.RegisterSchemaAsync(Subject, new Schema(PointV2, SchemaType.Avro));
        var messages = new[]
        {
            Encode(v1Id, PointV1, record => record.Add("x", 7)),
            Encode(v2Id, PointV2, record =>
            {
                record.Add("x", 8L);
                record.Add("label", "eight");
            }),
        };

        using var consumer = registry.NewClient();
        var reader = Avro.Schema.Parse((await consumer.GetLatestSchemaAsync(Subject)).SchemaString);
        var decoded = new List<GenericRecord>();
        foreach (var message in messages)
        {
            Assert.Equal(ConfluentWireFormatStatus.Ok, ConfluentWireFormat.TryRead(message.AsMemory(), out var schemaId, out var body));
            var writer = Avro.Schema.Parse((await consumer.GetSchemaAsync(schemaId)).SchemaString);
            var datumReader = new GenericDatumReader<GenericRecord>(writer, reader);
            decoded.Add(datumReader.Read(null!, new BinaryDecoder(new MemoryStream(body.ToArray()))));
        }

        Assert.Equal(7L, decoded[0]["x"]);
        Assert.Null(decoded[0]["label"]);
        Assert.Equal(8L, decoded[1]["x"]);
        Assert.Equal("eight", decoded[1]["label"]);
    }

    private static byte[] Encode(int schemaId, string schemaJson, Action<GenericRecord> fill)
    {
        var schema = (Avro.RecordSchema)Avro.Schema.Parse(schemaJson);
        var record = new GenericRecord(schema);
        fill(record);
        using var body = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(body));
        return ConfluentWireFormat.Frame(schemaId, body.ToArray());
    }
}
