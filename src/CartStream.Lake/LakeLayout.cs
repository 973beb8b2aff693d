using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartStream.Lake;

/// <summary>
/// Where everything lives in the lake, the seed's layout as code. Raw files follow the Confluent S3 sink's
/// default naming (<c>topics/&lt;topic&gt;/partition=&lt;p&gt;/&lt;topic&gt;+&lt;p&gt;+&lt;start offset&gt;.avro</c>, start offset
/// zero-padded to 10 digits like its <c>filename.offset.zero.pad.width</c> default, so names sort by offset),
/// the transform writes Parquet under <c>DWH/</c>, rejected rows under <c>DWH/rejected/</c>, and every stage keeps
/// its progress under <c>_state/&lt;component&gt;/</c>.
/// </summary>
public static class LakeLayout
{
    /// <summary>Raw Avro files, one folder per topic.</summary>
    public const string TopicsArea = "topics/";

    /// <summary>The transform's Parquet tables.</summary>
    public const string WarehouseArea = "DWH/";

    /// <summary>The table of rejected rows; <c>rejected</c> is therefore not a valid name for another table.</summary>
    public const string RejectedTable = "rejected";

    /// <summary>Rejected rows with every failed rule.</summary>
    public const string RejectedArea = WarehouseArea + RejectedTable + "/";

    /// <summary>Checkpoints and progress records; retention never deletes here.</summary>
    public const string StateArea = "_state/";

    /// <summary>Appended to a topic's name for its dead-letter files.</summary>
    public const string DeadLetterSuffix = "-dlq";

    /// <summary>Raw files are Avro Object Container Files.</summary>
    public const string RawFileExtension = ".avro";

    /// <summary>Warehouse files are Parquet.</summary>
    public const string ParquetExtension = ".parquet";

    /// <summary>Digits the start offset is zero-padded to (longer offsets are written in full).</summary>
    public const int OffsetPadWidth = 10;

    private const string OffsetFormat = "D10";

    /// <summary><c>topics/&lt;topic&gt;/</c>: every raw file of the topic, in either layout.</summary>
    public static string TopicPrefix(string topic) => $"{TopicsArea}{CheckTopic(topic)}/";

    /// <summary><c>topics/&lt;topic&gt;/partition=&lt;p&gt;/</c>: a partition's raw files in the default layout.</summary>
    public static string PartitionPrefix(string topic, int partition) =>
        $"{TopicPrefix(topic)}partition={CheckPartition(partition).ToString(CultureInfo.InvariantCulture)}/";

    /// <summary><c>&lt;topic&gt;+&lt;partition&gt;+&lt;start offset&gt;.avro</c>.</summary>
    public static string RawFileName(string topic, int partition, long startOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startOffset);
        return string.Create(CultureInfo.InvariantCulture, $"{CheckTopic(topic)}+{CheckPartition(partition)}+{startOffset.ToString(OffsetFormat, CultureInfo.InvariantCulture)}{RawFileExtension}");
    }

    /// <summary>The default layout: <c>topics/&lt;topic&gt;/partition=&lt;p&gt;/&lt;topic&gt;+&lt;p&gt;+&lt;start offset&gt;.avro</c>.</summary>
    public static string RawFileKey(string topic, int partition, long startOffset) =>
        PartitionPrefix(topic, partition) + RawFileName(topic, partition, startOffset);

    /// <summary>
    /// The time-based layout, on the record time of the file's first record in UTC:
    /// <c>topics/&lt;topic&gt;/year=YYYY/month=MM/day=DD/hour=HH/&lt;topic&gt;+&lt;p&gt;+&lt;start offset&gt;.avro</c>.
    /// </summary>
    public static string TimeBasedRawFileKey(string topic, int partition, long startOffset, DateTimeOffset recordTime)
    {
        var utc = recordTime.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{TopicPrefix(topic)}year={utc.Year:D4}/month={utc.Month:D2}/day={utc.Day:D2}/hour={utc.Hour:D2}/{RawFileName(topic, partition, startOffset)}");
    }

    /// <summary>The topic name dead letters of <paramref name="topic"/> are filed under: <c>&lt;topic&gt;-dlq</c>.</summary>
    public static string DeadLetterTopic(string topic) => CheckTopic(topic) + DeadLetterSuffix;

    /// <summary><c>topics/&lt;topic&gt;-dlq/partition=&lt;p&gt;/&lt;topic&gt;-dlq+&lt;p&gt;+&lt;start offset&gt;.avro</c>.</summary>
    public static string DeadLetterFileKey(string topic, int partition, long startOffset) =>
        RawFileKey(DeadLetterTopic(topic), partition, startOffset);

    /// <summary><c>DWH/&lt;table&gt;/</c>.</summary>
    public static string TablePrefix(string table) => $"{WarehouseArea}{CheckName(table, nameof(table))}/";

    /// <summary>A fact-like table's file: <c>DWH/&lt;table&gt;/event_date=YYYY-MM-DD/part-&lt;part id&gt;.parquet</c>.</summary>
    public static string DatedPartFileKey(string table, DateOnly eventDate, string partId) =>
        string.Create(CultureInfo.InvariantCulture, $"{TablePrefix(table)}event_date={eventDate:yyyy-MM-dd}/part-{CheckPartId(partId)}{ParquetExtension}");

    /// <summary>A dimension's file, without a date folder: <c>DWH/&lt;table&gt;/part-&lt;part id&gt;.parquet</c>.</summary>
    public static string PartFileKey(string table, string partId) =>
        $"{TablePrefix(table)}part-{CheckPartId(partId)}{ParquetExtension}";

    /// <summary><c>DWH/rejected/event_date=YYYY-MM-DD/part-&lt;part id&gt;.parquet</c>.</summary>
    public static string RejectedPartFileKey(DateOnly eventDate, string partId) => DatedPartFileKey(RejectedTable, eventDate, partId);

    /// <summary><c>_state/&lt;component&gt;/</c>.</summary>
    public static string StatePrefix(string component) => $"{StateArea}{CheckName(component, nameof(component))}/";

    /// <summary>The sink's record of a partition's last published end offset: <c>_state/sink/&lt;topic&gt;/partition=&lt;p&gt;.json</c>.</summary>
    public static string SinkPartitionStateKey(string topic, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{StatePrefix("sink")}{CheckTopic(topic)}/partition={CheckPartition(partition)}.json");

    /// <summary>
    /// A part id that depends only on the set of input keys (32 hex digits of their SHA-256), so that re-running
    /// a job on the same inputs overwrites its own output instead of adding to it.
    /// </summary>
    public static string PartIdOf(IEnumerable<string> inputKeys)
    {
        var joined = string.Join('\n', inputKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)).AsSpan(0, 16));
    }

    /// <summary>Which area a key belongs to.</summary>
    public static LakeArea AreaOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith(StateArea, StringComparison.Ordinal))
        {
            return LakeArea.State;
        }

        if (key.StartsWith(RejectedArea, StringComparison.Ordinal))
        {
            return LakeArea.Rejected;
        }

        if (key.StartsWith(WarehouseArea, StringComparison.Ordinal))
        {
            return LakeArea.Warehouse;
        }

        if (key.StartsWith(TopicsArea, StringComparison.Ordinal))
        {
            var end = key.IndexOf('/', TopicsArea.Length);
            var topic = end < 0 ? key[TopicsArea.Length..] : key[TopicsArea.Length..end];
            return topic.EndsWith(DeadLetterSuffix, StringComparison.Ordinal) ? LakeArea.DeadLetter : LakeArea.Raw;
        }

        return LakeArea.Other;
    }

    /// <summary>
    /// Reads a raw (or dead-letter) file key of either layout back into its topic, partition and start offset.
    /// Only canonical names parse: the folder must agree with the file name and the offset must be padded exactly
    /// as <see cref="RawFileName"/> writes it, so two keys never name the same file.
    /// </summary>
    public static bool TryParseRawFileKey(string key, out RawFileId file)
    {
        file = default;
        if (key is null || !key.StartsWith(TopicsArea, StringComparison.Ordinal) || !key.EndsWith(RawFileExtension, StringComparison.Ordinal))
        {
            return false;
        }

        var segments = key.Split('/');
        var name = segments[^1][..^RawFileExtension.Length];
        var parts = name.Split('+');
        if (parts.Length != 3 || !IsTopic(parts[0]) || parts[0] != segments[1]
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            || partition.ToString(CultureInfo.InvariantCulture) != parts[1]
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || offset.ToString(OffsetFormat, CultureInfo.InvariantCulture) != parts[2])
        {
            return false;
        }

        var candidate = new RawFileId(parts[0], partition, offset);
        if (segments.Length == 4 && key == candidate.ToKey())
        {
            file = candidate;
            return true;
        }

        if (segments.Length == 7 && TryReadHour(segments, out var hour)
            && key == TimeBasedRawFileKey(candidate.Topic, partition, offset, hour))
        {
            file = candidate;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Kafka's rule for topic names (1-249 of <c>[a-zA-Z0-9._-]</c>), except that a leading '.' is refused: the
    /// lake reserves it for temporary objects, which listings skip.
    /// </summary>
    public static bool IsTopic(string? topic) =>
        topic is { Length: > 0 and <= 249 } && topic[0] != '.' && topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool TryReadHour(string[] segments, out DateTimeOffset hour)
    {
        var text = string.Join('/', segments[2..6]);
        var parsed = DateTime.TryParseExact(
            text, "'year='yyyy'/month='MM'/day='dd'/hour='HH", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time);
        hour = parsed ? new DateTimeOffset(time, TimeSpan.Zero) : default;
        return parsed;
    }

    private static string CheckTopic(string topic) =>
        IsTopic(topic) ? topic : throw new ArgumentException($"'{topic}' is not a valid Kafka topic name.", nameof(topic));

    private static int CheckPartition(int partition) => partition >= 0 ? partition : throw new ArgumentOutOfRangeException(nameof(partition), partition, "A partition is never negative.");

    private static string CheckName(string name, string what) =>
        name is { Length: > 0 } && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-')
            ? name
            : throw new ArgumentException($"'{name}' is not a valid {what} name (lower-case letters, digits, '_' or '-', starting with a letter).", what);

    private static string CheckPartId(string partId) =>
        partId is { Length: > 0 } && partId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? partId
            : throw new ArgumentException($"'{partId}' is not a valid part id (letters, digits, '_' or '-').", nameof(partId));
}
