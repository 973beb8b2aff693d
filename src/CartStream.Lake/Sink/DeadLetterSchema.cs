using System.Buffers;
using CartStream.Events.Avro;

namespace CartStream.Lake.Sink;

/// <summary>
/// The Avro schema of dead-letter files: a record the sink could not land as an event, with the original bytes,
/// where it came from and why.
/// </summary>
public static class DeadLetterSchema
{
    /// <summary>The schema stored in every <c>-dlq</c> file's header.</summary>
    public const string Json = """
        {"type":"record","name":"DeadLetter","namespace":"cartstream.lake","fields":[
          {"name":"topic","type":"string"},
          {"name":"partition","type":"int"},
          {"name":"offset","type":"long"},
          {"name":"timestamp","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"key","type":["null","bytes"],"default":null},
          {"name":"value","type":["null","bytes"],"default":null},
          {"name":"reason","type":"string"}]}
        """;

    /// <summary>Encodes one dead letter as Avro binary for <see cref="Json"/>.</summary>
    public static void Encode(
        IBufferWriter<byte> output, string topic, int partition, long offset, DateTimeOffset timestamp,
        ReadOnlySpan<byte> key, bool hasKey, ReadOnlySpan<byte> value, bool hasValue, string reason)
    {
        var writer = new AvroBinaryWriter(output);
        writer.WriteString(topic);
        writer.WriteInt(partition);
        writer.WriteLong(offset);
        writer.WriteLong(timestamp.ToUnixTimeMilliseconds());
        WriteNullableBytes(ref writer, key, hasKey);
        WriteNullableBytes(ref writer, value, hasValue);
        writer.WriteString(reason);
        writer.Flush();
    }

    private static void WriteNullableBytes(ref AvroBinaryWriter writer, ReadOnlySpan<byte> bytes, bool present)
    {
        writer.WriteUnionIndex(present ? 1 : 0);
        if (present)
        {
            writer.WriteBytes(bytes);
        }
    }
}
