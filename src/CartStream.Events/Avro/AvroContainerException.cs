namespace CartStream.Events.Avro;

/// <summary>
/// An Avro Object Container File that cannot be read: a bad header, a truncated or corrupt block, a sync marker
/// that does not match, a block that does not decompress or decode. The message names the file (when known), the
/// block and the byte offset, so an operator can find the damage.
/// </summary>
public sealed class AvroContainerException : IOException
{
    /// <summary>Creates the exception; the message is prefixed with the file, block and offset.</summary>
    public AvroContainerException(string message, string? fileName, long? blockIndex, long offset, Exception? innerException = null)
        : base(Describe(message, fileName, blockIndex, offset), innerException)
    {
        FileName = fileName;
        BlockIndex = blockIndex;
        Offset = offset;
    }

    /// <summary>The file being read, when the reader was given its name.</summary>
    public string? FileName { get; }

    /// <summary>0-based index of the damaged block; null when the header itself is damaged.</summary>
    public long? BlockIndex { get; }

    /// <summary>Byte offset in the file where the damaged part (header or block) starts.</summary>
    public long Offset { get; }

    private static string Describe(string message, string? fileName, long? blockIndex, long offset)
    {
        var where = blockIndex is { } index ? $"block {index} at byte offset {offset}" : $"header at byte offset {offset}";
        return $"Avro file '{fileName ?? "(stream)"}', {where}: {message}";
    }
}
