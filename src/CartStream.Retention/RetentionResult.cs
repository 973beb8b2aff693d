using System.Globalization;
using System.Text;

namespace CartStream.Retention;

/// <summary>What one retention run deleted (or would delete) and why the rest stayed.</summary>
/// <param name="DryRun">True when nothing was deleted.</param>
/// <param name="Items">The files deleted, or in a dry run the files that would be.</param>
/// <param name="Kept">How many files of <c>topics/</c> and <c>DWH/</c> were kept, per reason.</param>
/// <param name="LedgerKeys">The ledger objects written (none in a dry run).</param>
public sealed record RetentionResult(
    bool DryRun,
    IReadOnlyList<RetentionItem> Items,
    IReadOnlyDictionary<KeepReason, int> Kept,
    IReadOnlyList<string> LedgerKeys)
{
    /// <summary>One line per file, then the totals.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var item in Items)
        {
            text.AppendLine(c, $"{(DryRun ? "would delete" : "deleted")} {item.Key}\t{AreaName(item.Area)}\t{item.Size} bytes\t{item.Reason}");
        }

        var kept = string.Join(", ", Kept.Where(k => k.Value > 0).Select(k => $"{k.Value:N0} {KeepName(k.Key)}"));
        text.AppendLine(c, $"{(DryRun ? "dry run: would delete" : "deleted")} {Items.Count:N0} file(s), {Items.Sum(i => i.Size):N0} bytes; kept {Kept.Values.Sum():N0}{(kept.Length > 0 ? $" ({kept})" : "")}");
        if (LedgerKeys.Count > 0)
        {
            text.AppendLine(c, $"ledger: {string.Join(", ", LedgerKeys)}");
        }

        return text.ToString();
    }

    private static string AreaName(CartStream.Lake.LakeArea area) => area switch
    {
        CartStream.Lake.LakeArea.DeadLetter => "dead-letter",
        _ => area.ToString().ToLowerInvariant(),
    };

    private static string KeepName(KeepReason reason) => reason switch
    {
        KeepReason.Unrecognised => "unrecognised",
        KeepReason.NotTransformed => "not transformed",
        KeepReason.NotLoaded => "not loaded",
        KeepReason.TooYoung => "too young",
        _ => "unaccountable",
    };
}
