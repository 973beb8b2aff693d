namespace CartStream.Warehouse.Queries;

/// <summary>A product or category with its revenue and units, for top-N lists.</summary>
/// <param name="Key">Product id or category.</param>
/// <param name="Name">What to show (product name or category).</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Units">Units sold.</param>
public sealed record RankedItem(string Key, string Name, decimal Revenue, long Units);
