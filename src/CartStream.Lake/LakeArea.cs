namespace CartStream.Lake;

/// <summary>The areas of the lake, as <see cref="LakeLayout.AreaOf"/> classifies a key.</summary>
public enum LakeArea
{
    /// <summary>Outside the known layout.</summary>
    Other,

    /// <summary>Raw Avro files the sink lands: <c>topics/&lt;topic&gt;/...</c>.</summary>
    Raw,

    /// <summary>Records the sink could not land as events: <c>topics/&lt;topic&gt;-dlq/...</c>.</summary>
    DeadLetter,

    /// <summary>The transform's Parquet tables: <c>DWH/&lt;table&gt;/...</c>.</summary>
    Warehouse,

    /// <summary>Rejected rows with their reasons: <c>DWH/rejected/...</c>.</summary>
    Rejected,

    /// <summary>Checkpoints, claims and per-partition progress: <c>_state/...</c>. Retention never deletes it.</summary>
    State,
}
