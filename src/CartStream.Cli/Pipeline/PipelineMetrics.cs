using System.Diagnostics.Metrics;

namespace CartStream.Cli.Pipeline;

/// <summary>The one-process pipeline's meter (<c>CartStream.Pipeline</c>).</summary>
internal static class PipelineMetrics
{
    private static readonly Meter Meter = new("CartStream.Pipeline");

    /// <summary>
    /// Per raw file loaded: seconds from the Kafka timestamp of the first record of the file's batch (the moment the
    /// producer sent it: wall clock even when the generator simulates event times) to its rows being queryable.
    /// </summary>
    public static readonly Histogram<double> EndToEnd = Meter.CreateHistogram(
        "cartstream.pipeline.end_to_end.duration", "s", "Seconds from an event being sent to Kafka to its rows being queryable, per raw file.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600] });

    /// <summary>
    /// Seconds from a raw file landing in the lake to its rows being queryable, for the slowest file of the batch
    /// loaded last: what the freshness alert watches.
    /// </summary>
    public static readonly Gauge<double> Freshness = Meter.CreateGauge<double>("cartstream.pipeline.freshness", "s", "Seconds from a raw file landing to its rows being queryable.");
}
