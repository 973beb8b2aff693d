using CartStream.Monitoring.Metrics;

namespace CartStream.Monitoring.Alerts;

/// <summary>
/// Evaluates rules against successive snapshots and says which rules started firing or resolved. It keeps just
/// enough history for the longest window. Not thread-safe: one evaluation loop owns it.
/// </summary>
public sealed class AlertRuleEvaluator
{
    private readonly IReadOnlyList<AlertRule> _rules;
    private readonly string _service;
    private readonly TimeSpan _longestWindow;
    private readonly List<MetricSnapshot> _history = [];
    private readonly Dictionary<string, RuleState> _states = new(StringComparer.Ordinal);

    /// <summary>An evaluator for <paramref name="rules"/>, naming <paramref name="service"/> in its notifications.</summary>
    public AlertRuleEvaluator(IEnumerable<AlertRule> rules, string service)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        _service = service;
        _longestWindow = _rules.Count == 0 ? TimeSpan.Zero : _rules.Max(r => r.Window);
        foreach (var rule in _rules)
        {
            _states[rule.Name] = new RuleState();
        }
    }

    /// <summary>The rules that are firing now (announced or held back by their cooldown).</summary>
    public IEnumerable<string> Firing => _states.Where(s => s.Value.Firing).Select(s => s.Key);

    /// <summary>Adds <paramref name="snapshot"/> (newer than the last) and returns what changed.</summary>
    public IReadOnlyList<AlertNotification> Evaluate(MetricSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _history.Add(snapshot);
        Prune(snapshot.At);
        var changes = new List<AlertNotification>();
        foreach (var rule in _rules)
        {
            var value = Compute(rule, snapshot);
            var state = _states[rule.Name];
            var holds = value is { } v && rule.Holds(v);
            if (holds)
            {
                state.PendingSince ??= snapshot.At;
                if (!state.Firing && snapshot.At - state.PendingSince >= rule.For)
                {
                    state.Firing = true;
                    // Within the cooldown of the last announced firing, a flapping rule stays quiet both ways.
                    state.Announced = state.LastAnnounced is not { } last || snapshot.At - last >= rule.Cooldown;
                    if (state.Announced)
                    {
                        state.LastAnnounced = snapshot.At;
                        changes.Add(new AlertNotification(rule, AlertState.Firing, value, snapshot.At, _service));
                    }
                }
            }
            else
            {
                state.PendingSince = null;
                if (state.Firing)
                {
                    state.Firing = false;
                    if (state.Announced)
                    {
                        changes.Add(new AlertNotification(rule, AlertState.Resolved, value, snapshot.At, _service));
                    }
                }
            }
        }

        return changes;
    }

    private double? Compute(AlertRule rule, MetricSnapshot now)
    {
        if (rule.Aggregation == AlertAggregation.Value)
        {
            return now.Value(rule.Metric, rule.Combine);
        }

        var baseline = Baseline(now.At - rule.Window);
        if (baseline is null || now.Value(rule.Metric, rule.Combine) is not { } current)
        {
            return null;
        }

        // A counter that did not exist yet at the baseline had not counted anything.
        var increase = current - (baseline.Value(rule.Metric, rule.Combine) ?? 0);
        switch (rule.Aggregation)
        {
            case AlertAggregation.Increase:
                return increase;
            case AlertAggregation.Rate:
                var seconds = (now.At - baseline.At).TotalSeconds;
                return seconds > 0 ? increase / seconds : null;
            default:
                if (string.IsNullOrEmpty(rule.Denominator) || now.Value(rule.Denominator, rule.Combine) is not { } total)
                {
                    return null;
                }

                var denominator = total - (baseline.Value(rule.Denominator, rule.Combine) ?? 0);
                return denominator > 0 ? increase / denominator : null;
        }
    }

    // The newest snapshot at or before the window's start; none until the process has been up for the window.
    private MetricSnapshot? Baseline(DateTimeOffset windowStart)
    {
        MetricSnapshot? baseline = null;
        foreach (var snapshot in _history)
        {
            if (snapshot.At > windowStart)
            {
                break;
            }

            baseline = snapshot;
        }

        return baseline;
    }

    // Keeps every snapshot inside the longest window plus the one just before it (the baseline of that window).
    private void Prune(DateTimeOffset now)
    {
        var cutoff = now - _longestWindow;
        var keepFrom = _history.FindLastIndex(s => s.At <= cutoff);
        if (keepFrom > 0)
        {
            _history.RemoveRange(0, keepFrom);
        }
    }

    private sealed class RuleState
    {
        public DateTimeOffset? PendingSince { get; set; }

        public bool Firing { get; set; }

        public bool Announced { get; set; }

        public DateTimeOffset? LastAnnounced { get; set; }
    }
}
