namespace CartStream.Warehouse.Queries;

/// <summary>The width of a time series' buckets (UTC).</summary>
public enum TimeBucket
{
    /// <summary>One point per hour.</summary>
    Hour,

    /// <summary>One point per day.</summary>
    Day,
}
