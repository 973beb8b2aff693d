namespace CartStream.Web.Api;

/// <summary>One KPI of the analyst page, for the chosen period and the one before it of equal length.</summary>
/// <param name="Key">Stable id: <c>revenue</c>, <c>margin</c>, <c>orders</c>, <c>aov</c>, <c>units</c>, <c>rejectRate</c>.</param>
/// <param name="Label">What the tile says.</param>
/// <param name="Unit"><c>usd</c>, <c>count</c> or <c>ratio</c> (0 to 1).</param>
/// <param name="Value">This period's value.</param>
/// <param name="Previous">The previous period's value.</param>
/// <param name="ChangePercent">(value - previous) / previous x 100, rounded to 0.1; null when the previous period is 0.</param>
public sealed record KpiTile(string Key, string Label, string Unit, decimal Value, decimal Previous, decimal? ChangePercent);
