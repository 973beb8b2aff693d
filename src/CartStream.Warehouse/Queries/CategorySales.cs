namespace CartStream.Warehouse.Queries;

/// <summary>One category's revenue, margin and units in the filtered period.</summary>
/// <param name="Category">The product category.</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Margin">Net minus cost, USD (lines without a cost add nothing).</param>
/// <param name="Units">Units sold.</param>
public sealed record CategorySales(string Category, decimal Revenue, decimal Margin, long Units);
