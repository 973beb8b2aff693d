namespace CartStream.Events.Avro;

/// <summary>
/// Bytes that are not valid Avro binary for the schema being read: truncated, a varint that never ends, a union
/// branch out of range, a negative length, invalid UTF-8, a logical value out of range.
/// </summary>
public sealed class AvroFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="offset"/> in the bytes being read.</summary>
    public AvroFormatException(string message, int offset)
        : base($"{message} (at byte {offset} of the record data)")
    {
        Offset = offset;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public AvroFormatException(string message, int offset, Exception innerException)
        : base($"{message} (at byte {offset} of the record data)", innerException)
    {
        Offset = offset;
    }

    /// <summary>Byte offset, within the span being read, where the problem was found.</summary>
    public int Offset { get; }
}
