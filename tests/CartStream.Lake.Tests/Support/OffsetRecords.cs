using System.Buffers;
using CartStream.Events.Avro;
using CartStream.Lake.Sink;

namespace CartStream.Lake.Tests.Support;

/// <summary>Small Avro records that carry their own Kafka offset, so a reader can prove where each one landed.</summary>
public static class OffsetRecords
{
    /// <summary>The records' schema, registry id 7.</summary>
    public static WriterSchema Schema { get; } = new(7, """{"type":"record","name":"Probe","fields":[{"name":"offset","type":"long"},{"name":"note","type":"string"}]}""");

    /// <summary>The schema again under another id, as after a schema change.</summary>
    public static WriterSchema OtherSchema { get; } = Schema with { Id = 8 };

    /// <summary>Avro binary of the record for <paramref name="offset"/>.</summary>
    public static ReadOnlyMemory<byte> Encode(long offset)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroBinaryWriter(buffer);
        writer.WriteLong(offset);
        writer.WriteString($"record {offset}");
        writer.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>The offset a record decodes to.</summary>
    public static long Decode(ReadOnlyMemory<byte> record)
    {
        var reader = new AvroBinaryReader(record.Span);
        return reader.ReadLong();
    }
}
