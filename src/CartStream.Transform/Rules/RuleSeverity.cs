namespace CartStream.Transform.Rules;

/// <summary>What a failed rule does to the record.</summary>
public enum RuleSeverity
{
    /// <summary>The record goes to <c>rejected</c> instead of <c>fact_sales</c>.</summary>
    Reject,

    /// <summary>The record is kept; the quality report counts the warning.</summary>
    Warn,

    /// <summary>The transform fixed the value (trimmed, lower-cased, mapped to a canonical name) and kept the record.</summary>
    Repair,
}
