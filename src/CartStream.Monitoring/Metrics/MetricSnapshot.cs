namespace CartStream.Monitoring.Metrics;

/// <summary>
/// The values of the process's <c>CartStream.*</c> instruments at one moment: per metric name, the value of each
/// series (one per distinct tag set). Counters hold their running total, gauges their last value, histograms
/// appear as <c>&lt;name&gt;.count</c> and <c>&lt;name&gt;.sum</c>.
/// </summary>
/// <param name="At">When the values were read.</param>
/// <param name="Series">Metric name -> series key (its tags, <c>k=v,...</c>) -> value.</param>
public sealed record MetricSnapshot(DateTimeOffset At, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Series)
{
    /// <summary>The value of <paramref name="metric"/> with its series combined, or null when no series exists.</summary>
    public double? Value(string metric, SeriesCombine combine)
    {
        if (!Series.TryGetValue(metric, out var series) || series.Count == 0)
        {
            return null;
        }

        return combine switch
        {
            SeriesCombine.Max => series.Values.Max(),
            SeriesCombine.Min => series.Values.Min(),
            _ => series.Values.Sum(),
        };
    }
}
