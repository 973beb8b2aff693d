using CartStream.Monitoring.Alerts;
using CartStream.Monitoring.Metrics;

namespace CartStream.Monitoring.Tests;

public sealed class AlertRuleEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rule_fires_only_after_its_condition_held_for_its_duration_and_resolves_once_when_it_stops()
    {
        var rule = new AlertRule { Name = "LagHigh", Metric = "lag", Threshold = 100, For = TimeSpan.FromSeconds(30) };
        var evaluator = new AlertRuleEvaluator([rule], "test");

        Assert.Empty(evaluator.Evaluate(At(0, ("lag", 500))));
        Assert.Empty(evaluator.Evaluate(At(20, ("lag", 500))));
        var fired = Assert.Single(evaluator.Evaluate(At(30, ("lag", 600))));
        Assert.Equal(AlertState.Firing, fired.State);
        Assert.Equal(600, fired.Value);
        Assert.Empty(evaluator.Evaluate(At(40, ("lag", 700))));
        var resolved = Assert.Single(evaluator.Evaluate(At(50, ("lag", 50))));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Empty(evaluator.Evaluate(At(60, ("lag", 50))));
    }

    [Fact]
    public void A_dip_below_the_threshold_restarts_the_for_duration()
    {
        var rule = new AlertRule { Name = "LagHigh", Metric = "lag", Threshold = 100, For = TimeSpan.FromSeconds(30) };
        var evaluator = new AlertRuleEvaluator([rule], "test");

        Assert.Empty(evaluator.Evaluate(At(0, ("lag", 500))));
        Assert.Empty(evaluator.Evaluate(At(20, ("lag", 10))));
        Assert.Empty(evaluator.Evaluate(At(40, ("lag", 500))));
        Assert.Empty(evaluator.Evaluate(At(60, ("lag", 500))));
        Assert.Single(evaluator.Evaluate(At(70, ("lag", 500))));
    }

    [Fact]
    public void The_reject_rate_is_the_growth_of_rejects_over_the_growth_of_records_within_the_window()
    {
        var rule = new AlertRule
        {
            Name = "RejectRateHigh", Metric = "rejected", Aggregation = AlertAggregation.Ratio, Denominator = "records",
            Window = TimeSpan.FromMinutes(1), Threshold = 0.05,
        };
        var evaluator = new AlertRuleEvaluator([rule], "test");

        // 10% rejects long ago do not count; within the window 20 of 1,000 (2%) is fine, then 80 of 1,000 (8%) is not.
        Assert.Empty(evaluator.Evaluate(At(0, ("rejected", 100), ("records", 1_000))));
        Assert.Empty(evaluator.Evaluate(At(60, ("rejected", 120), ("records", 2_000))));
        var fired = Assert.Single(evaluator.Evaluate(At(120, ("rejected", 200), ("records", 3_000))));
        Assert.Equal(0.08, fired.Value!.Value, 6);
    }

    [Fact]
    public void No_events_for_the_window_fires_only_once_the_process_has_watched_the_whole_window()
    {
        var rule = new AlertRule
        {
            Name = "NoEvents", Metric = "records", Aggregation = AlertAggregation.Increase, Window = TimeSpan.FromMinutes(5),
            Comparison = AlertComparison.LessThanOrEqual, Threshold = 0,
        };
        var evaluator = new AlertRuleEvaluator([rule], "test");

        Assert.Empty(evaluator.Evaluate(At(0, ("records", 0))));
        Assert.Empty(evaluator.Evaluate(At(240, ("records", 0))));
        Assert.Single(evaluator.Evaluate(At(300, ("records", 0))));
        Assert.Single(evaluator.Evaluate(At(360, ("records", 5))));
    }

    [Fact]
    public void A_rule_flapping_within_its_cooldown_is_announced_once_and_resolved_once()
    {
        var rule = new AlertRule { Name = "LagHigh", Metric = "lag", Threshold = 100, Cooldown = TimeSpan.FromMinutes(10) };
        var evaluator = new AlertRuleEvaluator([rule], "test");

        Assert.Equal(AlertState.Firing, Assert.Single(evaluator.Evaluate(At(0, ("lag", 500)))).State);
        Assert.Equal(AlertState.Resolved, Assert.Single(evaluator.Evaluate(At(10, ("lag", 5)))).State);
        Assert.Empty(evaluator.Evaluate(At(20, ("lag", 500))));
        Assert.Empty(evaluator.Evaluate(At(30, ("lag", 5))));
        Assert.Equal(AlertState.Firing, Assert.Single(evaluator.Evaluate(At(700, ("lag", 500)))).State);
    }

    [Fact]
    public void A_rule_whose_metric_this_process_does_not_emit_stays_silent()
    {
        var evaluator = new AlertRuleEvaluator(DefaultAlertRules.Create(), "test");

        for (var seconds = 0; seconds <= 3_600; seconds += 60)
        {
            Assert.Empty(evaluator.Evaluate(At(seconds, ("cartstream.other", 1))));
        }
    }

    [Fact]
    public void Series_of_a_metric_are_summed_or_the_worst_is_taken_as_the_rule_says()
    {
        var snapshot = new MetricSnapshot(Start, new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["lag"] = new Dictionary<string, double> { ["partition=0"] = 70, ["partition=1"] = 40 },
        });
        var sum = new AlertRuleEvaluator([new AlertRule { Name = "Sum", Metric = "lag", Threshold = 100 }], "test");
        var max = new AlertRuleEvaluator([new AlertRule { Name = "Max", Metric = "lag", Threshold = 100, Combine = SeriesCombine.Max }], "test");

        Assert.Equal(110, Assert.Single(sum.Evaluate(snapshot)).Value);
        Assert.Empty(max.Evaluate(snapshot));
    }

    private static MetricSnapshot At(int seconds, params (string Metric, double Value)[] values) =>
        new(Start.AddSeconds(seconds), values.ToDictionary(
            v => v.Metric,
            v => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { [""] = v.Value }));
}
