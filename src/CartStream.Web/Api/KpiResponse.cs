namespace CartStream.Web.Api;

/// <summary>The KPI tiles with the two periods they compare (days inclusive).</summary>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period.</param>
/// <param name="PreviousFrom">First day of the previous period.</param>
/// <param name="PreviousTo">Last day of the previous period.</param>
/// <param name="Tiles">Revenue, margin, orders, average order value, units, reject rate.</param>
public sealed record KpiResponse(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, IReadOnlyList<KpiTile> Tiles);
