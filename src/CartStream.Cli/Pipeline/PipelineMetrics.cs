using System.Diagnostics.Metrics;

namespace CartStream.Cli.Pipeline;

/// <summary>The one-process pipeline's meter (<c>CartStream.Pipeline</c>).</summary>
internal static class PipelineMetrics
{
    private static readonly Meter Meter = new("CartStream.Pipeline");

    /// <summary>
    /// Seconds from a raw file landing in the lake to its rows being queryable, for the slowest file of the batch
    /// loaded last: what the freshness alert watches.
    /// </summary>
    public static readonly Gauge<double> Freshness = Meter.CreateGauge<double>("cartstream.pipeline.freshness", "s", "Seconds from a raw file landing to its rows being queryable.");
}
