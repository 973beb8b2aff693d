using System.Collections.Frozen;
using System.Text;
using CartStream.Events;

namespace CartStream.Transform.Rules;

/// <summary>
/// Every rule the transform applies, in one list: validation, the quality report and <c>docs/transform.md</c>
/// all read it from here, so a rule cannot exist in code without appearing in the report and the docs.
/// </summary>
public static class RuleCatalogue
{
    /// <summary>Every rule, in the order reports list them: the generator's defects first, then schema problems, warnings and repairs.</summary>
    public static IReadOnlyList<QualityRule> All { get; } =
    [
        new(DefectCode.MissingRequiredField, RuleSeverity.Reject,
            "A field the model needs is empty: event_time, order_id, customer_id, email, product_id, category, unit_price, quantity, currency, city or country."),
        new(DefectCode.NonPositiveQuantity, RuleSeverity.Reject, "Quantity is zero or negative."),
        new(DefectCode.NonPositivePrice, RuleSeverity.Reject, "Unit price is zero or negative."),
        new(DefectCode.MalformedEmail, RuleSeverity.Reject,
            "The email (trimmed, lower-cased) is not local@domain.tld: exactly one '@', no spaces, a dot inside the domain."),
        new(DefectCode.UnknownCountry, RuleSeverity.Reject, "The shipping country code is not in the reference data."),
        new(DefectCode.UnknownCurrency, RuleSeverity.Reject, "The currency code is not in the reference data (no exchange rate)."),
        new(DefectCode.FutureEventTime, RuleSeverity.Reject, "Event time is more than 5 minutes ahead of processing time."),
        new(DefectCode.StaleEventTime, RuleSeverity.Reject, "Event time is before the shop opened (2020-01-01 UTC)."),
        new(DefectCode.DuplicateEvent, RuleSeverity.Reject,
            "The event id was seen before at another file and offset; the later copy is rejected."),
        new(DefectCode.NotAvro, RuleSeverity.Reject, "The message the sink dead-lettered is not an Avro-encoded sales event."),
        new(RuleCode.UndecodableRecord, RuleSeverity.Reject, "A record inside an Avro file could not be decoded as a sales event."),
        new(RuleCode.UnknownSchema, RuleSeverity.Reject, "The file's writer schema (or the message's schema id) is not a sales event schema this build reads."),
        new(RuleCode.CorruptFile, RuleSeverity.Reject, "The raw file cannot be read at all; it is quarantined whole and named in the report."),
        new(RuleCode.DiscountOutOfRange, RuleSeverity.Reject, "The discount fraction is below 0 or above 1."),
        new(RuleCode.UnknownCity, RuleSeverity.Warn, "The city is not in the reference data for its country; kept as typed (trimmed)."),
        new(RuleCode.MissingUnitCost, RuleSeverity.Warn, "The unit cost is missing or negative; cost and margin are left empty."),
        new(RuleCode.EmailNormalised, RuleSeverity.Repair, "The email was trimmed and lower-cased."),
        new(RuleCode.CityCanonicalised, RuleSeverity.Repair, "The city was typed as an alias or in another case; mapped to its canonical name."),
        new(RuleCode.TextNormalised, RuleSeverity.Repair, "Text had surrounding or repeated spaces, or a code was in the wrong case."),
    ];

    private static readonly FrozenDictionary<string, QualityRule> ByCode = All.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> OrderOf =
        All.Select((r, i) => (r.Code, i)).ToFrozenDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

    /// <summary>The rule with this code.</summary>
    /// <exception cref="KeyNotFoundException">No rule has the code.</exception>
    public static QualityRule Get(string code) =>
        ByCode.TryGetValue(code, out var rule) ? rule : throw new KeyNotFoundException($"No rule has the code '{code}'.");

    /// <summary>Position of a code in <see cref="All"/>, for listing codes in catalogue order.</summary>
    public static int IndexOf(string code) => OrderOf.TryGetValue(code, out var i) ? i : int.MaxValue;

    /// <summary>The catalogue as a Markdown table (code, severity, description), as <c>docs/transform.md</c> shows it.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| code | severity | description |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var rule in All)
        {
            text.Append("| `").Append(rule.Code).Append("` | ").Append(rule.Severity.ToString().ToLowerInvariant())
                .Append(" | ").Append(rule.Description).AppendLine(" |");
        }

        return text.ToString();
    }
}
