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

    /// <summary>
    /// The records' offsets when they are not consecutive, as runs <c>start:count</c> separated by commas, in record
    /// order (<c>10:5,16:3</c>: offsets 10-14 then 16-18). Absent when the file holds consecutive offsets from
    /// <see cref="StartOffset"/>, the common case: a raw file skips the offsets of the batch's dead letters and of
    /// records Kafka does not hand out (transaction markers, compacted records).
    /// </summary>
    public const string Offsets = "cartstream.offsets";

    /// <summary>The text of <see cref="Offsets"/> for <paramref name="runs"/>.</summary>
    public static string FormatOffsets(IEnumerable<OffsetRun> runs) =>
        string.Join(',', runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Start}:{r.Count}")));

    /// <summary>
    /// The offset of every record of a file, in record order, from its header <paramref name="metadata"/>: the runs
    /// of <see cref="Offsets"/> when present, else consecutive from <see cref="StartOffset"/>. Null when the header
    /// has no <see cref="StartOffset"/> or an unreadable <see cref="Offsets"/>.
    /// </summary>
    public static IReadOnlyList<OffsetRun>? TryGetOffsetRuns(IReadOnlyDictionary<string, byte[]> metadata, int recordCount)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.TryGetValue(Offsets, out var text))
        {
            return TryGetLong(metadata, StartOffset, out var start) ? [new OffsetRun(start, recordCount)] : null;
        }

        var runs = new List<OffsetRun>();
        foreach (var part in Encoding.UTF8.GetString(text).Split(','))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0
                || !long.TryParse(part.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            runs.Add(new OffsetRun(start, count));
        }

        return runs.Sum(r => (long)r.Count) == recordCount ? runs : null;
    }

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
