namespace CartStream.Web.Operations;

/// <summary>A firing or resolution the process's alert monitor announced.</summary>
/// <param name="At">When the evaluation saw it.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Severity"><c>warning</c> or <c>critical</c>.</param>
/// <param name="State"><c>Firing</c> or <c>Resolved</c>.</param>
/// <param name="Value">The metric's value then (<c>no data</c> when gone).</param>
/// <param name="Title">The one-line announcement, as mailed.</param>
public sealed record AlertEvent(DateTimeOffset At, string Rule, string Severity, string State, string Value, string Title);
