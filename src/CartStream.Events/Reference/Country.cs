namespace CartStream.Events.Reference;

/// <summary>A country the shop ships to (one row of <c>countries.csv</c>).</summary>
/// <param name="IsoCode">ISO 3166-1 alpha-2 code, upper case: what events carry.</param>
/// <param name="Name">Canonical English name, as reports show it.</param>
/// <param name="CurrencyCode">ISO 4217 code of the currency customers there usually pay in.</param>
/// <param name="CustomerWeight">Relative share of the shop's customers living there (weights, not percentages).</param>
public sealed record Country(string IsoCode, string Name, string CurrencyCode, double CustomerWeight);
