namespace CartStream.Events.Avro;

/// <summary>Block compression of an Avro Object Container File (the file's <c>avro.codec</c> metadata).</summary>
public enum AvroCodec
{
    /// <summary><c>null</c>: blocks are stored as they are.</summary>
    Null,

    /// <summary><c>deflate</c>: raw deflate (RFC 1951, no zlib header), as the Avro spec requires.</summary>
    Deflate,

    /// <summary><c>snappy</c>: a raw Snappy block followed by the big-endian CRC-32 of the uncompressed data.</summary>
    Snappy,

    /// <summary><c>zstandard</c>: one Zstandard frame per block.</summary>
    Zstandard,
}
