namespace CartStream.Testing;

/// <summary>One measurement of an instrument: its value and tags.</summary>
/// <param name="Instrument">The instrument's name.</param>
/// <param name="Value">The value, as a double.</param>
/// <param name="Tags">The tags, by name.</param>
public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
