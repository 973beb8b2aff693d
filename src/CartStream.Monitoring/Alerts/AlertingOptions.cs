using System.ComponentModel.DataAnnotations;

namespace CartStream.Monitoring.Alerts;

/// <summary>The in-process alert rules (configuration section <c>Monitoring:Alerts</c>).</summary>
public sealed class AlertingOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Monitoring:Alerts";

    /// <summary>Whether the process evaluates rules at all (off when Prometheus and Alertmanager do it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the instruments are read and the rules evaluated.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Meters whose name starts with this are read.</summary>
    [Required(AllowEmptyStrings = false)]
    public string MeterPrefix { get; set; } = "CartStream";

    /// <summary>Whether <see cref="DefaultAlertRules"/> are evaluated besides <see cref="Rules"/>.</summary>
    public bool UseDefaultRules { get; set; } = true;

    /// <summary>Rules of this deployment; one named like a default rule replaces it.</summary>
    public IList<AlertRule> Rules { get; } = [];

    /// <summary>The rules to evaluate: the defaults (if used) with configured rules replacing or adding to them.</summary>
    public IReadOnlyList<AlertRule> EffectiveRules()
    {
        var rules = new Dictionary<string, AlertRule>(StringComparer.Ordinal);
        if (UseDefaultRules)
        {
            foreach (var rule in DefaultAlertRules.Create())
            {
                rules[rule.Name] = rule;
            }
        }

        foreach (var rule in Rules)
        {
            rules[rule.Name] = rule;
        }

        return [.. rules.Values];
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Data annotations do not look inside list items: each rule is checked here, named by its index.
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(rule, new ValidationContext(rule), results, validateAllProperties: true);
            if (rule.Aggregation == AlertAggregation.Ratio && string.IsNullOrWhiteSpace(rule.Denominator))
            {
                results.Add(new ValidationResult("A Ratio rule needs a Denominator metric.", [nameof(AlertRule.Denominator)]));
            }

            foreach (var result in results)
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(Rules)}:{i} ({rule.Name}): {result.ErrorMessage}",
                    result.MemberNames.Select(m => $"{nameof(Rules)}[{i}].{m}"));
            }
        }
    }
}
