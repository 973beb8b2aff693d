namespace CartStream.Warehouse.Queries;

/// <summary>Revenue of one city of one country.</summary>
/// <param name="Country">ISO country code.</param>
/// <param name="City">Canonical city name.</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Orders">Orders.</param>
public sealed record PlaceRevenue(string Country, string City, decimal Revenue, long Orders);
