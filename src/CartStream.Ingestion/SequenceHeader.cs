using System.Buffers.Binary;
using Confluent.Kafka;

namespace CartStream.Ingestion;

/// <summary>
/// The <c>cartstream-seq</c> message header: the generator sequence number of the event, 8 bytes big-endian.
/// A restarted producer reads it back from the newest message of each partition to resume exactly.
/// </summary>
public static class SequenceHeader
{
    /// <summary>Header key.</summary>
    public const string Key = "cartstream-seq";

    /// <summary>Encodes a sequence number as the header's value.</summary>
    public static byte[] Encode(long sequence)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(value, sequence);
        return value;
    }

    /// <summary>The sequence number in <paramref name="headers"/>, or null when the message has none.</summary>
    public static long? Read(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(Key, out var value) || value.Length != 8)
        {
            return null;
        }

        return BinaryPrimitives.ReadInt64BigEndian(value);
    }
}
