namespace CartStream.Verification;

/// <summary>How a record fails "exactly once".</summary>
public enum DiscrepancyKind
{
    /// <summary>In the topic, nowhere downstream.</summary>
    Lost,

    /// <summary>Downstream more than once.</summary>
    Doubled,

    /// <summary>Downstream but not in the topic.</summary>
    Unexpected,
}
