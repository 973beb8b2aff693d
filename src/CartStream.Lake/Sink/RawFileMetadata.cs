using System.Globalization;
using System.Text;

namespace CartStream.Lake.Sink;

/// <summary>
/// The sink's entries in each file's Avro header. A file carries its batch's offset range and file count, so
/// recovery can tell a batch published whole (adopt it) from one cut short by a crash (delete and rewrite it).
/// </summary>
public static class RawFileMetadata
{
    /// <summary>Topic the records came from.</summary>
    public const string Topic = "cartstream.topic";

    /// <summary>Partition the records came from.</summary>
    public const string Partition = "cartstream.partition";

    /// <summary>Offset of the file's first record.</summary>
    public const string StartOffset = "cartstream.start_offset";

    /// <summary>Offset of the file's last record.</summary>
    public const string EndOffset = "cartstream.end_offset";

    /// <summary>First offset of the batch the file belongs to.</summary>
    public const string BatchStartOffset = "cartstream.batch_start_offset";

    /// <summary>Last offset of the batch the file belongs to.</summary>
    public const string BatchEndOffset = "cartstream.batch_end_offset";

    /// <summary>How many files the batch published (1 or 2: raw and dead-letter).</summary>
    public const string BatchFiles = "cartstream.batch_files";

    /// <summary>The registry id of the records' schema (raw files only).</summary>
    public const string SchemaId = "cartstream.schema_id";

    internal static KeyValuePair<string, byte[]> Entry(string key, long value) =>
        new(key, Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture)));

    internal static KeyValuePair<string, byte[]> Entry(string key, string value) => new(key, Encoding.UTF8.GetBytes(value));

    internal static bool TryGetLong(IReadOnlyDictionary<string, byte[]> metadata, string key, out long value)
    {
        value = 0;
        return metadata.TryGetValue(key, out var bytes)
            && long.TryParse(Encoding.UTF8.GetString(bytes), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
