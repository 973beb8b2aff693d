namespace CartStream.Cli.Pipeline;

/// <summary>Percentiles of a delay, weighted by the records each observation covers.</summary>
internal sealed record FreshnessPercentiles(double P50Seconds, double P95Seconds, double MaxSeconds)
{
    public static FreshnessPercentiles Of(IReadOnlyList<(double Seconds, long Records)> observations)
    {
        if (observations.Count == 0)
        {
            return new FreshnessPercentiles(0, 0, 0);
        }

        var sorted = observations.OrderBy(o => o.Seconds).ToList();
        var total = sorted.Sum(o => o.Records);
        return new FreshnessPercentiles(At(sorted, total, 0.50), At(sorted, total, 0.95), sorted[^1].Seconds);
    }

    private static double At(List<(double Seconds, long Records)> sorted, long total, double quantile)
    {
        var target = quantile * total;
        long seen = 0;
        foreach (var (seconds, records) in sorted)
        {
            seen += records;
            if (seen >= target)
            {
                return seconds;
            }
        }

        return sorted[^1].Seconds;
    }
}
