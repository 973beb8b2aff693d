namespace CartStream.Web.WhatIf;

/// <summary>One category's sales in the filtered period, from the warehouse.</summary>
/// <param name="Category">The product category.</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Margin">Net minus cost, USD.</param>
/// <param name="Units">Units sold.</param>
public sealed record WhatIfBaseline(string Category, decimal Revenue, decimal Margin, long Units);
