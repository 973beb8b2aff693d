namespace CartStream.Warehouse.Queries;

/// <summary>What every dashboard query is narrowed by; values are sent as parameters, never spliced into SQL.</summary>
/// <param name="From">First day included (UTC).</param>
/// <param name="To">First day no longer included (UTC).</param>
/// <param name="Country">ISO country code of the shipping address, or null for all.</param>
/// <param name="Category">Product category, or null for all.</param>
/// <param name="Channel">Sales channel (<c>web</c>, <c>mobile_app</c>, ...), or null for all.</param>
public sealed record QueryFilter(DateOnly From, DateOnly To, string? Country = null, string? Category = null, string? Channel = null);
