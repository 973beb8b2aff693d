using System.Diagnostics.Metrics;

namespace CartStream.Warehouse;

/// <summary>The warehouse loader's meter (<c>CartStream.Warehouse</c>).</summary>
internal static class WarehouseMetrics
{
    internal static readonly Meter Meter = new("CartStream.Warehouse");

    /// <summary>New rows a load committed, tagged <c>table</c> (<c>fact_sales</c> or <c>rejected</c>).</summary>
    public static readonly Counter<long> RowsLoaded = Meter.CreateCounter<long>("cartstream.warehouse.rows_loaded", "{row}", "Rows the warehouse load committed, by table.");

    /// <summary>Seconds one batch's load transaction took, retries included, tagged <c>backend</c>.</summary>
    public static readonly Histogram<double> LoadDuration = Meter.CreateHistogram<double>("cartstream.warehouse.load.duration", "s", "Time to load one transaction (one or more whole batches) into the warehouse.");
}
