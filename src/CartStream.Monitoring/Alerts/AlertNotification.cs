using System.Globalization;

namespace CartStream.Monitoring.Alerts;

/// <summary>A rule started firing or resolved.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="State">Firing or resolved.</param>
/// <param name="Value">The value that made it fire or resolve; null when the metric is gone.</param>
/// <param name="At">When the evaluation saw it.</param>
/// <param name="Service">The process that evaluated it (<c>cartstream-sink</c>).</param>
public sealed record AlertNotification(AlertRule Rule, AlertState State, double? Value, DateTimeOffset At, string Service)
{
    /// <summary>One line naming the state, rule, value and threshold, used as the email subject and log message.</summary>
    public string Title => State == AlertState.Firing
        ? $"[CartStream] FIRING {Rule.Severity}: {Rule.Name}: {Rule.Metric} = {FormattedValue} (threshold {AlertRule.Symbol(Rule.Comparison)} {Format(Rule.Threshold)})"
        : $"[CartStream] RESOLVED: {Rule.Name}: {Rule.Metric} = {FormattedValue} (threshold {AlertRule.Symbol(Rule.Comparison)} {Format(Rule.Threshold)})";

    /// <summary>The value as text (<c>no data</c> when the metric is gone).</summary>
    public string FormattedValue => Value is { } value ? Format(value) : "no data";

    /// <summary>The full text: title, condition, summary, where and when.</summary>
    public string Body => string.Join('\n',
        Title,
        "",
        $"Rule:      {Rule.Name} ({Rule.Severity})",
        $"Condition: {Rule.Describe()}" + (Rule.For > TimeSpan.Zero ? $" for {Rule.For}" : ""),
        $"Value:     {FormattedValue}",
        $"Threshold: {Format(Rule.Threshold)}",
        $"State:     {State}",
        $"Service:   {Service} on {Environment.MachineName}",
        $"At:        {At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
        "",
        Rule.Summary);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
