using CartStream.Monitoring.Metrics;

namespace CartStream.Monitoring.Alerts;

/// <summary>
/// The rules every process evaluates unless configured otherwise. Each stays silent in a process that does not
/// emit its metric. Keep deploy/prometheus/cartstream-rules.yml equal to these.
/// </summary>
public static class DefaultAlertRules
{
    /// <summary>A fresh copy of the default rules (options may change them).</summary>
    public static IReadOnlyList<AlertRule> Create() =>
    [
        new()
        {
            Name = "SinkConsumerLagHigh", Metric = PipelineMetricNames.SinkConsumerLag, Combine = SeriesCombine.Sum,
            Comparison = AlertComparison.GreaterThan, Threshold = 100_000, For = TimeSpan.FromMinutes(2),
            Severity = "warning", Cooldown = TimeSpan.FromMinutes(10),
            Summary = "The lake sink is more than 100,000 records behind the topic (10 s of the seed's pace): is it running, is the lake store slow?",
        },
        new()
        {
            Name = "RejectRateHigh", Metric = PipelineMetricNames.TransformRejected, Aggregation = AlertAggregation.Ratio,
            Denominator = PipelineMetricNames.TransformRecords, Window = TimeSpan.FromMinutes(10),
            Comparison = AlertComparison.GreaterThan, Threshold = 0.05, Severity = "warning", Cooldown = TimeSpan.FromMinutes(30),
            Summary = "More than 5% of the records transformed in the last 10 minutes were rejected (the generator's default dirty share is 2%): look at DWH/rejected/ reasons.",
        },
        new()
        {
            Name = "DataStale", Metric = PipelineMetricNames.Freshness, Combine = SeriesCombine.Max,
            Comparison = AlertComparison.GreaterThan, Threshold = 900, For = TimeSpan.FromMinutes(5),
            Severity = "critical", Cooldown = TimeSpan.FromMinutes(30),
            Summary = "The last batch loaded took more than 15 minutes from its raw files landing in the lake to its rows being queryable: the transform or the warehouse load is falling behind.",
        },
        new()
        {
            Name = "NoEventsLanded", Metric = PipelineMetricNames.SinkRecords, Aggregation = AlertAggregation.Increase,
            Window = TimeSpan.FromMinutes(5), Comparison = AlertComparison.LessThanOrEqual, Threshold = 0,
            For = TimeSpan.FromMinutes(5), Severity = "critical", Cooldown = TimeSpan.FromMinutes(30),
            Summary = "The sink has landed no record for 10 minutes: the producer stopped, or the sink cannot read the topic.",
        },
        new()
        {
            Name = "StageErrors", Metric = PipelineMetricNames.StageErrors, Aggregation = AlertAggregation.Increase,
            Window = TimeSpan.FromMinutes(5), Comparison = AlertComparison.GreaterThan, Threshold = 0,
            Severity = "critical", Cooldown = TimeSpan.FromMinutes(15),
            Summary = "A stage reported errors it could not retry or dead-letter in the last 5 minutes: see its error.* log lines.",
        },
        new()
        {
            Name = "SinkRetrying", Metric = PipelineMetricNames.SinkRetries, Aggregation = AlertAggregation.Increase,
            Window = TimeSpan.FromMinutes(10), Comparison = AlertComparison.GreaterThan, Threshold = 10,
            Severity = "warning", Cooldown = TimeSpan.FromMinutes(30),
            Summary = "The sink retried more than 10 times in 10 minutes: the lake store or the schema registry is unreachable or failing.",
        },
        new()
        {
            Name = "BrokerDiskFull", Metric = PipelineMetricNames.BrokerDiskUtilization, Combine = SeriesCombine.Max,
            Comparison = AlertComparison.GreaterThan, Threshold = 0.85, For = TimeSpan.FromMinutes(5),
            Severity = "critical", Cooldown = TimeSpan.FromMinutes(30),
            Summary = "The filesystem holding the broker's data is more than 85% full: set retention or add space before producers block.",
        },
    ];
}
