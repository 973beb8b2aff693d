using System.Globalization;
using System.Text;

namespace CartStream.Verification;

/// <summary>The outcome of a reconciliation: counts per place and everything that is not exactly once.</summary>
public sealed record VerificationReport(
    string Topic,
    long TopicRecords,
    long LakeRecords,
    long ModelRows,
    long? WarehouseRows,
    IReadOnlyList<Discrepancy> Discrepancies,
    IReadOnlyList<string> Problems)
{
    /// <summary>Nothing lost, nothing doubled, nothing unexplained.</summary>
    public bool IsClean => Discrepancies.Count == 0 && Problems.Count == 0;

    /// <summary>A readable account, listing at most <paramref name="limit"/> discrepancies and problems each.</summary>
    public string ToText(int limit = 50)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"topic {Topic}: {TopicRecords:N0} records; lake: {LakeRecords:N0} records in raw and dead-letter files; model: {ModelRows:N0} fact and rejected rows in Parquet");
        text.AppendLine(WarehouseRows is { } rows
            ? string.Create(c, $"warehouse: {rows:N0} fact and rejected rows")
            : "warehouse: not checked (no warehouse found)");
        foreach (var group in Discrepancies.GroupBy(d => (d.Place, d.Kind)))
        {
            text.AppendLine(c, $"{group.Key.Place}: {group.Count():N0} {group.Key.Kind.ToString().ToLowerInvariant()}");
        }

        foreach (var discrepancy in Discrepancies.Take(limit))
        {
            text.AppendLine(c, $"  {discrepancy}");
        }

        foreach (var problem in Problems.Take(limit))
        {
            text.AppendLine(c, $"  {problem}");
        }

        text.AppendLine(IsClean ? WarehouseRows is null ? "verified: every record of the topic is in the lake once and in the model once" : "verified: every record of the topic is in the lake once, in the model once and in the warehouse once" : "NOT verified: see above");
        return text.ToString();
    }
}
