namespace CartStream.Monitoring.Alerts;

/// <summary>What an alert notification announces.</summary>
public enum AlertState
{
    /// <summary>The rule's condition has held for its <c>For</c> duration.</summary>
    Firing,

    /// <summary>A firing rule's condition no longer holds (or its metric is gone).</summary>
    Resolved,
}
