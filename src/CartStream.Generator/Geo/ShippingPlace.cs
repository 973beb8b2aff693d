namespace CartStream.Generator.Geo;

/// <summary>An address as a customer typed it, plus where it sits in the reference data.</summary>
/// <param name="Street">Street and house number.</param>
/// <param name="PostalCode">Postal code matching the city's pattern.</param>
/// <param name="City">City as typed: usually the canonical name, sometimes an alias or in capitals.</param>
/// <param name="Country">ISO code as typed: usually upper case.</param>
/// <param name="CountryIndex">Index of the country in the reference data.</param>
internal sealed record ShippingPlace(string Street, string PostalCode, string City, string Country, int CountryIndex);
