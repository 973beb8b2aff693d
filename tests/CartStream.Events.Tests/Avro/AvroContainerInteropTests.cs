using CartStream.Events.Avro;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

public sealed class AvroContainerInteropTests
{
    private static readonly Gen<SalesEvent[]> Events = SalesEventGen.Event.Array[0, 60];

    [Theory]
    [InlineData("null", AvroCodec.Null)]
    [InlineData("deflate", AvroCodec.Deflate)]
    public void Our_container_file_equals_Apache_Avro_DataFileWriter_byte_for_byte(string apacheCodec, AvroCodec codec)
    {
        Gen.Select(Events, Gen.Int[32, 6000]).Sample(
            (events, syncInterval) =>
            {
                var apache = ApacheContainer.Write(events, apacheCodec, syncInterval);

                // Apache picks a random sync marker and stores its own rendering of the schema: take both from its
                // file; blocks are cut the same way when our byte limit equals its sync interval.
                using var header = new AvroContainerReader(new MemoryStream(apache));
                var ours = WriteOurs(events, codec, header.SchemaJson, new AvroContainerWriterOptions
                {
                    BlockMaxBytes = syncInterval,
                    SyncMarker = header.SyncMarker.ToArray(),
                });

                Assert.Equal(Convert.ToHexString(apache), Convert.ToHexString(ours));
            },
            iter: 25);
    }

    [Theory]
    [InlineData(AvroCodec.Null)]
    [InlineData(AvroCodec.Deflate)]
    [InlineData(AvroCodec.Snappy)]
    [InlineData(AvroCodec.Zstandard)]
    public void Apache_Avro_reads_our_container_files_back_to_the_same_events(AvroCodec codec)
    {
        Gen.Select(Events, Gen.Int[1, 50]).Sample(
            (events, blockRecords) =>
            {
                var file = WriteOurs(events, codec, SalesEventSchema.Json, new AvroContainerWriterOptions { BlockMaxRecords = blockRecords });
                var read = ApacheContainer.Read(file).Select(ApacheSalesEvent.FromRecord).ToList();
                Assert.Equal(events.Length, read.Count);
                for (var i = 0; i < events.Length; i++)
                {
                    SalesEventAssert.Equal(events[i], read[i]);
                }
            },
            iter: 25);
    }

    [Theory]
    [InlineData("null", AvroCodec.Null)]
    [InlineData("deflate", AvroCodec.Deflate)]
    [InlineData("snappy", AvroCodec.Snappy)]
    [InlineData("zstandard", AvroCodec.Zstandard)]
    public void We_read_Apache_Avro_container_files_back_to_the_same_events(string apacheCodec, AvroCodec codec)
    {
        Gen.Select(Events, Gen.Int[32, 6000]).Sample(
            (events, syncInterval) =>
            {
                var file = ApacheContainer.Write(events, apacheCodec, syncInterval);
                using var reader = new AvroContainerReader(new MemoryStream(file));
                Assert.Equal(codec, reader.Codec);
                var read = reader.ReadEvents().ToList();
                Assert.Equal(events.Length, read.Count);
                for (var i = 0; i < events.Length; i++)
                {
                    SalesEventAssert.Equal(events[i], read[i]);
                }
            },
            iter: 25);
    }

    [Fact]
    public void Raw_records_read_from_a_file_are_the_bytes_that_were_appended()
    {
        Gen.Select(Events, Gen.Int[1, 50], Gen.Enum<AvroCodec>()).Sample(
            (events, blockRecords, codec) =>
            {
                var encoded = events.Select(SalesEventCodecInteropTests.Encode).ToList();
                var stream = new MemoryStream();
                using (var writer = new AvroContainerWriter(stream, SalesEventSchema.Json, codec, new AvroContainerWriterOptions { BlockMaxRecords = blockRecords }))
                {
                    foreach (var record in encoded)
                    {
                        writer.Append(record);
                    }
                }

                using var reader = new AvroContainerReader(new MemoryStream(stream.ToArray()));
                var raw = reader.ReadRecords().Select(r => Convert.ToHexString(r.Span)).ToList();
                Assert.Equal(encoded.Select(Convert.ToHexString), raw);
            },
            iter: 25);
    }

    [Fact]
    public void Header_metadata_holds_the_schema_the_codec_and_our_own_entries()
    {
        var stream = new MemoryStream();
        using (var writer = new AvroContainerWriter(stream, SalesEventSchema.Json, AvroCodec.Zstandard, new AvroContainerWriterOptions
        {
            Metadata = [new("cartstream.generator.seed", "42"u8.ToArray())],
        }))
        {
            writer.Write(new SalesEvent { EventId = Guid.NewGuid() });
        }

        using var reader = new AvroContainerReader(new MemoryStream(stream.ToArray()));
        Assert.Equal(SalesEventSchema.Json, reader.SchemaJson);
        Assert.Equal(AvroCodec.Zstandard, reader.Codec);
        Assert.Equal("42"u8.ToArray(), reader.Metadata["cartstream.generator.seed"]);
        Assert.True(reader.IsSalesEventV1);
        Assert.Single(reader.ReadEvents());
    }

    internal static byte[] WriteOurs(IEnumerable<SalesEvent> events, AvroCodec codec, string schemaJson, AvroContainerWriterOptions options)
    {
        var stream = new MemoryStream();
        using (var writer = new AvroContainerWriter(stream, schemaJson, codec, options))
        {
            foreach (var value in events)
            {
                writer.Write(value);
            }
        }

        return stream.ToArray();
    }
}
