namespace CartStream.Web.Api;

/// <summary>Revenue of a country (top level) or of a city of the chosen country.</summary>
/// <param name="Country">ISO country code.</param>
/// <param name="City">The city, or null on the country level.</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Orders">Orders.</param>
public sealed record GeographyRow(string Country, string? City, decimal Revenue, long Orders);
