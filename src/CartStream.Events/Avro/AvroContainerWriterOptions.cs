using System.IO.Compression;

namespace CartStream.Events.Avro;

/// <summary>How an <see cref="AvroContainerWriter"/> cuts and compresses blocks.</summary>
public sealed class AvroContainerWriterOptions
{
    /// <summary>
    /// A block is written once it holds this many uncompressed bytes (checked after each record, as Apache.Avro's
    /// sync interval is). Default 64,000 bytes.
    /// </summary>
    public int BlockMaxBytes { get; init; } = 64_000;

    /// <summary>A block is written once it holds this many records. Default: no limit besides the byte size.</summary>
    public int BlockMaxRecords { get; init; } = int.MaxValue;

    /// <summary>
    /// The file's 16-byte sync marker. Default: random, as the spec asks. Pass one to reproduce a file byte for
    /// byte (tests) or to keep the marker stable across rewrites.
    /// </summary>
    public ReadOnlyMemory<byte>? SyncMarker { get; init; }

    /// <summary>Extra header metadata, written before <c>avro.codec</c> and <c>avro.schema</c>. Keys must not start with <c>avro.</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Metadata { get; init; } = [];

    /// <summary>Deflate level. Default <see cref="CompressionLevel.Optimal"/>, what Apache.Avro uses.</summary>
    public CompressionLevel DeflateLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>Zstandard level (1-22). Default 3, the zstd library's own default.</summary>
    public int ZstandardLevel { get; init; } = 3;

    /// <summary>Leave the output stream open when the writer is disposed.</summary>
    public bool LeaveOpen { get; init; }
}
