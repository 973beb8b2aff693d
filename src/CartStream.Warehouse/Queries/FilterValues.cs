namespace CartStream.Warehouse.Queries;

/// <summary>The values the dashboards' filters can take: those present in the warehouse, and the days it holds.</summary>
/// <param name="Countries">ISO country codes, ordinal order.</param>
/// <param name="Categories">Product categories, ordinal order.</param>
/// <param name="Channels">Sales channels, ordinal order.</param>
/// <param name="FirstDay">The oldest day with sales (UTC), or null when the warehouse is empty.</param>
/// <param name="LastDay">The newest day with sales (UTC), or null when the warehouse is empty.</param>
public sealed record FilterValues(IReadOnlyList<string> Countries, IReadOnlyList<string> Categories, IReadOnlyList<string> Channels, DateOnly? FirstDay, DateOnly? LastDay);
