namespace CartStream.Web.WhatIf;

/// <summary>A category's baseline and projection under the levers that apply to it.</summary>
/// <param name="Category">The category, or <c>Total</c> for the sum of all.</param>
/// <param name="Levers">The levers applied (the overall ones, or the category's own).</param>
/// <param name="BaselineRevenue">Revenue in the period, USD.</param>
/// <param name="BaselineMargin">Margin in the period, USD.</param>
/// <param name="BaselineUnits">Units in the period.</param>
/// <param name="ProjectedRevenue">Revenue under the scenario, USD, rounded to cents.</param>
/// <param name="ProjectedMargin">Margin under the scenario, USD, rounded to cents.</param>
/// <param name="ProjectedUnits">Units under the scenario, rounded to 0.01.</param>
public sealed record WhatIfLine(
    string Category, WhatIfLevers? Levers, decimal BaselineRevenue, decimal BaselineMargin, decimal BaselineUnits,
    decimal ProjectedRevenue, decimal ProjectedMargin, decimal ProjectedUnits);
