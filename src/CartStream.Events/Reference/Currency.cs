namespace CartStream.Events.Reference;

/// <summary>A currency prices may be quoted in (one row of <c>currencies.csv</c>).</summary>
/// <param name="Code">ISO 4217 code, upper case.</param>
/// <param name="Name">English name.</param>
/// <param name="UsdPerUnit">
/// How many US dollars one unit buys: the fixed rate that converts amounts to the reporting currency
/// (<see cref="ReferenceData.ReportingCurrency"/>).
/// </param>
/// <param name="MinorUnits">Decimal places the currency uses for cash amounts (0 for JPY).</param>
public sealed record Currency(string Code, string Name, decimal UsdPerUnit, int MinorUnits);
