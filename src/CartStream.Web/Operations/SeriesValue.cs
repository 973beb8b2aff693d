namespace CartStream.Web.Operations;

/// <summary>One series of an instrument: its tags (<c>k=v,...</c>, empty for none) and value.</summary>
/// <param name="Series">The tag set.</param>
/// <param name="Value">The value.</param>
public sealed record SeriesValue(string Series, double Value);
