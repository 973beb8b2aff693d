namespace CartStream.Monitoring.Alerts;

/// <summary>What an alert rule compares with its threshold.</summary>
public enum AlertAggregation
{
    /// <summary>The metric's current value (gauges: lag, freshness, disk use).</summary>
    Value,

    /// <summary>How much a counter grew over the rule's window.</summary>
    Increase,

    /// <summary>A counter's growth per second over the rule's window.</summary>
    Rate,

    /// <summary>The metric's growth over the window divided by the denominator's (rejected / processed).</summary>
    Ratio,
}
