namespace CartStream.Warehouse.Queries;

/// <summary>Sales in one time bucket.</summary>
/// <param name="Bucket">Start of the bucket, UTC.</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Margin">Net minus cost, USD (lines without a cost left out).</param>
/// <param name="Orders">Orders, each counted once, in the bucket and category of its first line.</param>
/// <param name="AverageOrderValue">Revenue / orders, rounded to 4 decimals.</param>
/// <param name="Units">Units sold.</param>
public sealed record SalesPoint(DateTime Bucket, decimal Revenue, decimal Margin, long Orders, decimal AverageOrderValue, long Units);
