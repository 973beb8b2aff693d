using System.Buffers.Binary;
using Confluent.Kafka;

namespace CartStream.Ingestion;

/// <summary>
/// The headers every produced message carries, 8 bytes big-endian each: <c>cartstream-seq</c>, the generator
/// sequence number of the event, and <c>cartstream-stream</c>, the seed of the stream it belongs to. A restarted
/// producer reads them back from the newest message of each partition to resume exactly.
/// </summary>
public static class ProducerHeaders
{
    /// <summary>Header with the generator sequence number.</summary>
    public const string SequenceKey = "cartstream-seq";

    /// <summary>Header with the generator seed: which stream the sequence numbers count.</summary>
    public const string StreamKey = "cartstream-stream";

    /// <summary>The headers of one message.</summary>
    public static Headers Create(long stream, long sequence) =>
    [
        new Header(SequenceKey, Encode(sequence)),
        new Header(StreamKey, Encode(stream)),
    ];

    /// <summary>The sequence number in <paramref name="headers"/>, or null when the message has none.</summary>
    public static long? ReadSequence(Headers? headers) => Read(headers, SequenceKey);

    /// <summary>The stream (seed) in <paramref name="headers"/>, or null when the message has none.</summary>
    public static long? ReadStream(Headers? headers) => Read(headers, StreamKey);

    private static byte[] Encode(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static long? Read(Headers? headers, string key)
    {
        if (headers is null || !headers.TryGetLastBytes(key, out var value) || value.Length != 8)
        {
            return null;
        }

        return BinaryPrimitives.ReadInt64BigEndian(value);
    }
}
