namespace CartStream.Verification;

/// <summary>One record that is not exactly once where it should be.</summary>
/// <param name="Place">Where it was looked for: <c>lake</c> (raw and dead-letter files) or <c>model</c> (fact_sales and rejected).</param>
/// <param name="Kind">What is wrong with it.</param>
/// <param name="Record">The record's address in the topic.</param>
/// <param name="Where">The files holding it (for a doubled or unexpected record), empty for a lost one.</param>
public sealed record Discrepancy(string Place, DiscrepancyKind Kind, RecordAddress Record, IReadOnlyList<string> Where)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DiscrepancyKind.Lost => $"{Place}: lost {Record} (in the topic, not in the {Place})",
        DiscrepancyKind.Doubled => $"{Place}: doubled {Record} ({Where.Count} times: {string.Join(", ", Where)})",
        _ => $"{Place}: unexpected {Record} (not in the topic; in {string.Join(", ", Where)})",
    };
}
