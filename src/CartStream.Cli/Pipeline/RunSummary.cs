using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartStream.Cli.Pipeline;

/// <summary>What a pipeline run did, printed at the end and written to <c>&lt;data-dir&gt;/run-summary.json</c>.</summary>
internal sealed record RunSummary
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public required RunOutcome Outcome { get; init; }

    /// <summary>The stage that stopped moving, when <see cref="Outcome"/> is <see cref="RunOutcome.Stalled"/>.</summary>
    public string? StalledStage { get; init; }

    public required long EventsRequested { get; init; }

    public required long TopicRecords { get; init; }

    public required StageCounts Produce { get; init; }

    public required StageCounts Sink { get; init; }

    public required TransformCounts Transform { get; init; }

    public required LoadCounts Load { get; init; }

    /// <summary>Seconds from a raw file landing in the lake to its rows being queryable in the warehouse, by record.</summary>
    public required FreshnessPercentiles Freshness { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>Topic records per second of the whole run, first event produced to last row published.</summary>
    public double EventsPerSecond => DurationSeconds > 0 ? TopicRecords / DurationSeconds : 0;

    /// <summary>CPU seconds of the process, all stages together.</summary>
    public required double CpuSeconds { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"run {Outcome.ToString().ToLowerInvariant()}{(StalledStage is null ? "" : $" (stalled at {StalledStage})")}: {TopicRecords:N0} events in {DurationSeconds:F1}s ({EventsPerSecond:N0} events/s, {CpuSeconds:F1} CPU-s, peak RSS {PeakWorkingSetBytes / (1024 * 1024):N0} MiB)");
        text.AppendLine(c, $"  produce   {Produce.Records:N0} acknowledged this run, {Produce.Skipped:N0} already in the topic, {Produce.Failed:N0} failed");
        text.AppendLine(c, $"  sink      {Sink.Records:N0} records in {Sink.Files:N0} files this run");
        text.AppendLine(c, $"  transform {Transform.Records:N0} records: {Transform.Facts:N0} facts, {Transform.Rejected:N0} rejected ({Transform.Duplicates:N0} duplicates)");
        foreach (var (code, count) in Transform.RejectsByRule)
        {
            text.AppendLine(c, $"            {code,-24} {count,10:N0}");
        }

        text.AppendLine(c, $"  load      {Load.Batches:N0} batches ({Load.Quarantined:N0} quarantined): {Load.Facts:N0} facts, {Load.Rejected:N0} rejected this run; {Load.WarehouseRows:N0} rows in the warehouse");
        text.AppendLine(c, $"  freshness landed -> queryable p50 {Freshness.P50Seconds:F2}s, p95 {Freshness.P95Seconds:F2}s, max {Freshness.MaxSeconds:F2}s");

        return text.ToString();
    }
}

/// <summary>Records (and files, or failures and skips) one stage handled in this run.</summary>
internal sealed record StageCounts(long Records, long Files = 0, long Failed = 0, long Skipped = 0);

/// <summary>The warehouse loads of this run, and the rows it holds in all.</summary>
internal sealed record LoadCounts(long Batches, long Quarantined, long Facts, long Rejected, long WarehouseRows);

/// <summary>The transform's rows of this run, with the reject rules that fired.</summary>
internal sealed record TransformCounts(long Records, long Facts, long Rejected, long Duplicates, IReadOnlyDictionary<string, long> RejectsByRule);
