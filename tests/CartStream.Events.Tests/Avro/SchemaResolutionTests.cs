using Avro;
using Avro.Generic;
using Avro.IO;
using CartStream.Events.Avro;
using CartStream.Testing;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

/// <summary>
/// Data written with v1 and read with a newer reader schema (v2 = v1 plus an optional field with a default). Our
/// codec decodes with the writer schema only; resolution goes through Apache.Avro, which these tests prove works on
/// our bytes and files.
/// </summary>
public sealed class SchemaResolutionTests
{
    private static readonly string V2Json = File.ReadAllText(RepoPaths.Combine("tests", "data", "sales-event.v2.avsc"));
    private static readonly RecordSchema V2 = (RecordSchema)Schema.Parse(V2Json);

    [Fact]
    public void A_v1_record_we_encode_reads_with_the_v2_reader_schema_and_gets_the_new_fields_default()
    {
        SalesEventGen.Event.Sample(
            value =>
            {
                var bytes = SalesEventCodecInteropTests.Encode(value);
                using var stream = new MemoryStream(bytes);
                var record = new GenericDatumReader<GenericRecord>(ApacheSalesEvent.Schema, V2).Read(null!, new BinaryDecoder(stream));

                Assert.Null(record["gift_wrap"]);
                SalesEventAssert.Equal(value, ApacheSalesEvent.FromRecord(record));
            },
            iter: 200);
    }

    [Theory]
    [InlineData(AvroCodec.Null)]
    [InlineData(AvroCodec.Deflate)]
    [InlineData(AvroCodec.Snappy)]
    [InlineData(AvroCodec.Zstandard)]
    public void A_v1_container_file_we_write_reads_with_the_v2_reader_schema(AvroCodec codec)
    {
        SalesEventGen.Event.Array[1, 60].Sample(
            events =>
            {
                var file = AvroContainerInteropTests.WriteOurs(events, codec, SalesEventSchema.Json, new AvroContainerWriterOptions { BlockMaxRecords = 7 });
                var records = ApacheContainer.Read(file, V2);

                Assert.Equal(events.Length, records.Count);
                Assert.All(records, record => Assert.Null(record["gift_wrap"]));
                for (var i = 0; i < events.Length; i++)
                {
                    SalesEventAssert.Equal(events[i], ApacheSalesEvent.FromRecord(records[i]));
                }
            },
            iter: 20);
    }

    [Fact]
    public void Our_reader_hands_out_raw_records_of_a_v2_file_but_refuses_to_decode_them_as_v1_events()
    {
        var stream = new MemoryStream();
        using (var writer = global::Avro.File.DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(V2), stream))
        {
            for (var i = 0; i < 3; i++)
            {
                var record = ApacheSalesEvent.ToRecord(new SalesEvent { EventId = Guid.NewGuid(), LineNumber = i });
                var v2 = new GenericRecord(V2);
                foreach (var field in ApacheSalesEvent.Schema.Fields)
                {
                    v2.Add(field.Name, record[field.Name]);
                }

                v2.Add("gift_wrap", i % 2 == 0);
                writer.Append(v2);
            }
        }

        using var reader = new AvroContainerReader(new MemoryStream(stream.ToArray()));
        Assert.False(reader.IsSalesEventV1);
        Assert.Throws<InvalidOperationException>(() => reader.ReadEvents());
        Assert.Equal(3, reader.ReadRecords().Count());
    }
}
