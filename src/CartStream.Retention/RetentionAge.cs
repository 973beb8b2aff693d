using System.Globalization;
using CartStream.Lake.Storage;

namespace CartStream.Retention;

/// <summary>
/// How old a file is for retention: measured from the later of its last-modified time and the start of its date
/// partition (<c>event_date=YYYY-MM-DD</c>, or the hour of the time-based raw layout). A file rewritten today for an
/// old date is young; a file in a date partition that has not begun yet (a clock ahead of the store's) is too.
/// </summary>
internal static class RetentionAge
{
    public static TimeSpan Of(ObjectInfo file, DateTimeOffset now)
    {
        var from = PartitionStart(file.Key) is { } start && start > file.LastModified ? start : file.LastModified;
        return now - from;
    }

    public static string Describe(TimeSpan age, int maxDays) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.TotalDays):0.#} days old (max {maxDays})");

    /// <summary>The start of the date partition a key is filed under, if any.</summary>
    public static DateTimeOffset? PartitionStart(string key)
    {
        var segments = key.Split('/');
        foreach (var segment in segments)
        {
            if (segment.StartsWith("event_date=", StringComparison.Ordinal)
                && DateOnly.TryParseExact(segment["event_date=".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
        }

        var year = Array.FindIndex(segments, s => s.StartsWith("year=", StringComparison.Ordinal));
        if (year >= 0 && year + 3 < segments.Length
            && DateTime.TryParseExact(
                string.Join('/', segments[year..(year + 4)]), "'year='yyyy'/month='MM'/day='dd'/hour='HH", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var hour))
        {
            return new DateTimeOffset(hour, TimeSpan.Zero);
        }

        return null;
    }
}
