using Avro.Generic;
using Avro.IO;

namespace CartStream.Events.Tests.Avro;

/// <summary>Apache.Avro's generic datum writer and reader over the mapping in ApacheSalesEvent.cs.</summary>
internal static partial class ApacheSalesEvent
{
    public static byte[] Encode(SalesEvent value)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(Schema).Write(ToRecord(value), new BinaryEncoder(stream));
        return stream.ToArray();
    }

    public static SalesEvent Decode(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var record = new GenericDatumReader<GenericRecord>(Schema, Schema).Read(null!, new BinaryDecoder(stream));
        Assert.Equal(bytes.Length, stream.Position);
        return FromRecord(record);
    }
}
