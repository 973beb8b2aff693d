using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CartStream.Monitoring.Metrics;

namespace CartStream.Monitoring.Alerts;

/// <summary>
/// A threshold rule on one metric: fires when <c>aggregation(Metric) Comparison Threshold</c> has held for
/// <see cref="For"/>, resolves when it stops holding. The same rules exist for Prometheus in
/// <c>deploy/prometheus/cartstream-rules.yml</c>.
/// </summary>
public sealed class AlertRule
{
    /// <summary>The rule's name, as in the notification (<c>SinkConsumerLagHigh</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "";

    /// <summary>The instrument name (<c>cartstream.sink.consumer_lag</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Metric { get; set; } = "";

    /// <summary>What is compared: the value, or the growth over <see cref="Window"/>.</summary>
    [EnumDataType(typeof(AlertAggregation))]
    public AlertAggregation Aggregation { get; set; } = AlertAggregation.Value;

    /// <summary>For <see cref="AlertAggregation.Ratio"/>: the counter whose growth divides the metric's.</summary>
    public string? Denominator { get; set; }

    /// <summary>How the metric's series (partitions, stages) become one value.</summary>
    [EnumDataType(typeof(SeriesCombine))]
    public SeriesCombine Combine { get; set; } = SeriesCombine.Sum;

    /// <summary>The comparison with <see cref="Threshold"/>.</summary>
    [EnumDataType(typeof(AlertComparison))]
    public AlertComparison Comparison { get; set; } = AlertComparison.GreaterThan;

    /// <summary>The threshold, in the metric's unit (a ratio for <see cref="AlertAggregation.Ratio"/>, per second for <see cref="AlertAggregation.Rate"/>).</summary>
    public double Threshold { get; set; }

    /// <summary>The look-back of increase, rate and ratio; until the process has been up this long they have no value.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the condition must hold before the rule fires (0: at the first evaluation).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan For { get; set; }

    /// <summary><c>warning</c> or <c>critical</c>; carried into notifications (and Alertmanager routing).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Severity { get; set; } = "warning";

    /// <summary>After a firing notification, a new firing of the same rule within this time is not announced (nor its resolution).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Cooldown { get; set; }

    /// <summary>One sentence for the operator: what it means and where to look.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The condition as text: <c>cartstream.sink.consumer_lag &gt; 100000</c>.</summary>
    public string Describe()
    {
        var subject = Aggregation switch
        {
            AlertAggregation.Increase => $"increase({Metric}[{Window}])",
            AlertAggregation.Rate => $"rate({Metric}[{Window}])",
            AlertAggregation.Ratio => $"increase({Metric}) / increase({Denominator}) [{Window}]",
            _ => Metric,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{subject} {Symbol(Comparison)} {Threshold}");
    }

    /// <summary>The comparison as an operator: <c>&gt;</c>, <c>&lt;=</c>, ...</summary>
    public static string Symbol(AlertComparison comparison) => comparison switch
    {
        AlertComparison.GreaterThan => ">",
        AlertComparison.GreaterThanOrEqual => ">=",
        AlertComparison.LessThan => "<",
        _ => "<=",
    };

    /// <summary>True when <paramref name="value"/> meets the condition.</summary>
    public bool Holds(double value) => Comparison switch
    {
        AlertComparison.GreaterThan => value > Threshold,
        AlertComparison.GreaterThanOrEqual => value >= Threshold,
        AlertComparison.LessThan => value < Threshold,
        _ => value <= Threshold,
    };
}
