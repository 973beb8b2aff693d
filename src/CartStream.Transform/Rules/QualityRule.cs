namespace CartStream.Transform.Rules;

/// <summary>One entry of the <see cref="RuleCatalogue"/>.</summary>
/// <param name="Code">Stable upper-case code; rejected rows and the quality report carry it.</param>
/// <param name="Severity">What failing the rule does to the record.</param>
/// <param name="Description">One sentence for docs and reports.</param>
public sealed record QualityRule(string Code, RuleSeverity Severity, string Description);
