using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartStream.Transform.Rules;

namespace CartStream.Transform.Quality;

/// <summary>What one transform batch did to its input: counts per rule, reject rate, duplicates, quarantined files.</summary>
public sealed class QualityReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    /// <summary>The batch's part id: every output file of the batch carries it.</summary>
    public required string BatchId { get; init; }

    /// <summary>When the batch started (processing time of its rules), UTC.</summary>
    public required DateTime ProcessedAt { get; init; }

    /// <summary>Raw and dead-letter files read, in processing order.</summary>
    public required IReadOnlyList<string> InputFiles { get; init; }

    /// <summary>Records read (every one is a fact row or a rejected row).</summary>
    public long Records { get; set; }

    /// <summary>Rows written to <c>fact_sales</c>.</summary>
    public long Facts { get; set; }

    /// <summary>Rows written to <c>rejected</c>.</summary>
    public long Rejected { get; set; }

    /// <summary>Records rejected as duplicates of an earlier event.</summary>
    public long Duplicates { get; set; }

    /// <summary>Rejected / records (0 when there were none).</summary>
    public double RejectRate => Records == 0 ? 0 : (double)Rejected / Records;

    /// <summary>How many records failed each rule (all severities), in catalogue order; rules never failed are omitted.</summary>
    public IReadOnlyList<RuleCount> Rules { get; set; } = [];

    /// <summary>Files that could not be read and were quarantined, with the error.</summary>
    public List<QuarantinedFile> Quarantined { get; } = [];

    /// <summary>Output files written, by key.</summary>
    public List<string> OutputFiles { get; } = [];

    /// <summary>The report as indented JSON with snake_case names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static QualityReport FromJson(string json) =>
        JsonSerializer.Deserialize<QualityReport>(json, Json) ?? throw new InvalidDataException("The quality report is empty.");

    /// <summary>A few lines for a terminal: totals, then one line per rule that fired.</summary>
    public string ToSummary()
    {
        var text = new StringBuilder();
        text.AppendLine($"batch {BatchId}: {InputFiles.Count} file(s), {Records} record(s) -> {Facts} fact(s), {Rejected} rejected ({RejectRate:P2}), {Duplicates} duplicate(s)");
        foreach (var rule in Rules)
        {
            text.AppendLine($"  {rule.Code,-24} {rule.Severity,-7} {rule.Count,10}");
        }

        foreach (var file in Quarantined)
        {
            text.AppendLine($"  QUARANTINED {file.Key}: {file.Error}");
        }

        return text.ToString();
    }

    /// <summary>Sets <see cref="Rules"/> from raw counts, in catalogue order.</summary>
    internal void SetRuleCounts(IReadOnlyDictionary<string, long> counts) =>
        Rules = counts.OrderBy(c => RuleCatalogue.IndexOf(c.Key))
            .Select(c => new RuleCount(c.Key, RuleCatalogue.Get(c.Key).Severity.ToString().ToLowerInvariant(), c.Value))
            .ToList();
}
