namespace CartStream.Web.Api;

/// <summary>The geography drill-down: countries, or the cities of the country the filter names.</summary>
/// <param name="Level"><c>country</c> or <c>city</c>.</param>
/// <param name="Country">The country drilled into, on the city level.</param>
/// <param name="Rows">By revenue, largest first.</param>
public sealed record GeographyResponse(string Level, string? Country, IReadOnlyList<GeographyRow> Rows);
