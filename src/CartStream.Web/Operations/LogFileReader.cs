using System.Text;
using System.Text.Json;

namespace CartStream.Web.Operations;

/// <summary>
/// Reads recent entries from the ECS JSON log files under <c>&lt;data-dir&gt;/logs</c> (every process's, this one
/// included), newest first, reading only the tail of each file: files roll at 100 MB and the page wants the latest.
/// </summary>
public static class LogFileReader
{
    /// <summary>How much of the end of each file is read.</summary>
    public const int TailBytes = 4 * 1024 * 1024;

    /// <summary>The levels in increasing severity, as ECS spells them.</summary>
    public static readonly IReadOnlyList<string> Levels = ["trace", "debug", "info", "warn", "error", "critical"];

    /// <summary>
    /// Entries at <paramref name="minimumLevel"/> or above, of <paramref name="service"/> when given, whose
    /// message, logger or error contains <paramref name="text"/> when given; at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<LogEntry> Read(string? directory, string minimumLevel, string? service, string? text, int limit)
    {
        var minimum = Rank(minimumLevel);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory) || minimum < 0)
        {
            return [];
        }

        var entries = new List<LogEntry>();
        var files = new DirectoryInfo(directory).GetFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc);
        foreach (var file in files)
        {
            foreach (var line in TailLines(file.FullName))
            {
                if (Parse(line) is { } entry && Rank(entry.Level) >= minimum
                    && (string.IsNullOrWhiteSpace(service) || string.Equals(entry.Service, service, StringComparison.OrdinalIgnoreCase))
                    && (string.IsNullOrWhiteSpace(text) || Contains(entry, text)))
                {
                    entries.Add(entry);
                }
            }
        }

        return [.. entries.OrderByDescending(e => e.At).Take(limit)];
    }

    /// <summary>The services that have log files in <paramref name="directory"/> (<c>cartstream-sink-20250101.json</c> -> <c>cartstream-sink</c>).</summary>
    public static IReadOnlyList<string> Services(string? directory)
    {
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => n.LastIndexOf('-') is var dash and > 0 ? n[..dash] : n)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The rank of a level name (-1 when unknown); <c>warning</c> and <c>fatal</c> are accepted too.</summary>
    public static int Rank(string level) => level.ToLowerInvariant() switch
    {
        "warning" => 3,
        "fatal" => 5,
        var l => Levels.ToList().IndexOf(l),
    };

    private static bool Contains(LogEntry entry, string text) =>
        entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Logger.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (entry.Error?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);

    private static List<string> TailLines(string path)
    {
        try
        {
            // The writing process keeps the file open: share it for reading and writing.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var start = Math.Max(0, stream.Length - TailBytes);
            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // A tail that starts mid-line: its first piece is not a whole document.
            return [.. lines.Skip(start > 0 ? 1 : 0)];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static LogEntry? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("@timestamp", out var at) || !at.TryGetDateTimeOffset(out var time))
            {
                return null;
            }

            var errorType = Text(root, "error.type");
            var errorMessage = Text(root, "error.message");
            return new LogEntry(
                time,
                Text(root, "log.level") ?? "info",
                Text(root, "service.name") ?? "",
                Text(root, "log.logger") ?? "",
                Text(root, "message") ?? "",
                Text(root, "event.action"),
                errorType is null && errorMessage is null ? null : $"{errorType}: {errorMessage}");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
