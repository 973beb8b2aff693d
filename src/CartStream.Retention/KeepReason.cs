namespace CartStream.Retention;

/// <summary>Why retention kept a file of <c>topics/</c> or <c>DWH/</c>.</summary>
public enum KeepReason
{
    /// <summary>Not a file of the layout retention knows (quality reports, unknown names): never deleted.</summary>
    Unrecognised,

    /// <summary>A raw or dead-letter file the transform has not finished with.</summary>
    NotTransformed,

    /// <summary>A model file the warehouse has not loaded.</summary>
    NotLoaded,

    /// <summary>Younger than its area's maximum age.</summary>
    TooYoung,

    /// <summary>Its records could not be accounted for in the ledger (unreadable, or offsets that do not add up).</summary>
    Unaccountable,
}
