using System.Diagnostics.Metrics;

namespace CartStream.Web;

/// <summary>The dashboards' meter (<c>CartStream.Web</c>).</summary>
internal static class WebMetrics
{
    private static readonly Meter Meter = new("CartStream.Web");

    /// <summary>
    /// One dashboard query on the warehouse, from borrowing a connection to its answer (waiting for a free connection
    /// not counted): the warehouse's query latency as the users feel it.
    /// </summary>
    public static readonly Histogram<double> QueryDuration = Meter.CreateHistogram(
        "cartstream.warehouse.query.duration", "s", "Time a dashboard query took on the warehouse.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
}
