using System.Buffers;
using System.Buffers.Binary;

namespace CartStream.Events.Avro;

/// <summary>
/// The Confluent wire format that Kafka Connect, ksqlDB and Spark expect on an Avro topic: a magic byte 0, the
/// writer schema's registry id as a 4-byte big-endian integer, then the Avro binary body.
/// </summary>
/// <remarks>
/// Reading never throws: a consumer meets foreign or damaged messages as a matter of course and routes them to
/// its dead-letter place with <see cref="Describe"/> as the reason.
/// </remarks>
public static class ConfluentWireFormat
{
    /// <summary>The first byte of every framed message.</summary>
    public const byte MagicByte = 0;

    /// <summary>Bytes before the Avro body: the magic byte and the schema id.</summary>
    public const int HeaderLength = 5;

    /// <summary>Writes the header for <paramref name="schemaId"/> into the first five bytes of <paramref name="destination"/>.</summary>
    /// <returns>False, writing nothing, when <paramref name="destination"/> is shorter than <see cref="HeaderLength"/>.</returns>
    public static bool TryWriteHeader(Span<byte> destination, int schemaId)
    {
        if (destination.Length < HeaderLength)
        {
            return false;
        }

        destination[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(destination[1..], schemaId);
        return true;
    }

    /// <summary>Writes the header for <paramref name="schemaId"/> into the first five bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="HeaderLength"/>.</exception>
    public static void WriteHeader(Span<byte> destination, int schemaId)
    {
        if (!TryWriteHeader(destination, schemaId))
        {
            throw new ArgumentException($"The Confluent wire-format header needs {HeaderLength} bytes, the destination has {destination.Length}.", nameof(destination));
        }
    }

    /// <summary>Appends the header for <paramref name="schemaId"/> to <paramref name="writer"/>, ahead of the body an encoder writes next.</summary>
    public static void WriteHeader(IBufferWriter<byte> writer, int schemaId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteHeader(writer.GetSpan(HeaderLength), schemaId);
        writer.Advance(HeaderLength);
    }

    /// <summary>A new array holding the header and <paramref name="body"/>: for tests and cold paths.</summary>
    public static byte[] Frame(int schemaId, ReadOnlySpan<byte> body)
    {
        var message = new byte[HeaderLength + body.Length];
        WriteHeader(message, schemaId);
        body.CopyTo(message.AsSpan(HeaderLength));
        return message;
    }

    /// <summary>Reads the header of a framed message.</summary>
    /// <param name="message">The whole Kafka message value.</param>
    /// <param name="schemaId">The writer schema's registry id; 0 unless the result is <see cref="ConfluentWireFormatStatus.Ok"/>.</param>
    /// <param name="body">The Avro body after the header; empty unless the result is <see cref="ConfluentWireFormatStatus.Ok"/>.</param>
    public static ConfluentWireFormatStatus TryRead(ReadOnlySpan<byte> message, out int schemaId, out ReadOnlySpan<byte> body)
    {
        var status = ReadHeader(message, out schemaId);
        body = status == ConfluentWireFormatStatus.Ok ? message[HeaderLength..] : default;
        return status;
    }

    /// <summary>Reads the header of a framed message held in memory that outlives the call (async consumers).</summary>
    /// <inheritdoc cref="TryRead(ReadOnlySpan{byte}, out int, out ReadOnlySpan{byte})" />
    public static ConfluentWireFormatStatus TryRead(ReadOnlyMemory<byte> message, out int schemaId, out ReadOnlyMemory<byte> body)
    {
        var status = ReadHeader(message.Span, out schemaId);
        body = status == ConfluentWireFormatStatus.Ok ? message[HeaderLength..] : default;
        return status;
    }

    /// <summary>A sentence for logs and dead-letter records explaining a read outcome.</summary>
    public static string Describe(ConfluentWireFormatStatus status) => status switch
    {
        ConfluentWireFormatStatus.Ok => "a valid Confluent wire-format header",
        ConfluentWireFormatStatus.TooShort => $"shorter than the {HeaderLength}-byte Confluent wire-format header",
        ConfluentWireFormatStatus.WrongMagicByte => "the first byte is not the Confluent wire-format magic byte 0",
        _ => $"unknown wire-format status {status}",
    };

    private static ConfluentWireFormatStatus ReadHeader(ReadOnlySpan<byte> message, out int schemaId)
    {
        schemaId = 0;
        if (message.Length < HeaderLength)
        {
            // A lone non-zero byte is foreign rather than truncated: say so, it is the more useful reason.
            return message.Length > 0 && message[0] != MagicByte ? ConfluentWireFormatStatus.WrongMagicByte : ConfluentWireFormatStatus.TooShort;
        }

        if (message[0] != MagicByte)
        {
            return ConfluentWireFormatStatus.WrongMagicByte;
        }

        schemaId = BinaryPrimitives.ReadInt32BigEndian(message[1..HeaderLength]);
        return ConfluentWireFormatStatus.Ok;
    }
}
