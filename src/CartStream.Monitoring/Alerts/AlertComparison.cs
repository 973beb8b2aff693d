namespace CartStream.Monitoring.Alerts;

/// <summary>How an alert rule's value is compared with its threshold; the rule fires while the comparison holds.</summary>
public enum AlertComparison
{
    /// <summary>value &gt; threshold</summary>
    GreaterThan,

    /// <summary>value &gt;= threshold</summary>
    GreaterThanOrEqual,

    /// <summary>value &lt; threshold</summary>
    LessThan,

    /// <summary>value &lt;= threshold</summary>
    LessThanOrEqual,
}
