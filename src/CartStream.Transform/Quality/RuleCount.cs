namespace CartStream.Transform.Quality;

/// <summary>How many records of a batch failed one rule.</summary>
/// <param name="Code">The rule's code.</param>
/// <param name="Severity"><c>reject</c>, <c>warn</c> or <c>repair</c>.</param>
/// <param name="Count">Records that failed it.</param>
public sealed record RuleCount(string Code, string Severity, long Count);
