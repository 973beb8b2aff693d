namespace CartStream.Monitoring.Metrics;

/// <summary>How the series of one metric (one per tag set, such as a partition) become one value.</summary>
public enum SeriesCombine
{
    /// <summary>The total: records, errors, lag over all partitions.</summary>
    Sum,

    /// <summary>The worst: the oldest data, the fullest disk.</summary>
    Max,

    /// <summary>The lowest.</summary>
    Min,
}
