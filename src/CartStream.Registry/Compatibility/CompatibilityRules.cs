using CartStream.Registry.Schemas;

namespace CartStream.Registry.Compatibility;

/// <summary>Applies a subject's compatibility level: which directions to check, and against which earlier versions.</summary>
internal static class CompatibilityRules
{
    /// <summary>The earlier versions a level checks a new schema against, given the live ones oldest first.</summary>
    public static IEnumerable<(int Version, ParsedSchema Schema)> Relevant(
        CompatibilityLevel level, IReadOnlyList<(int Version, ParsedSchema Schema)> live)
    {
        if (level == CompatibilityLevel.None || live.Count == 0)
        {
            return [];
        }

        return level.IsTransitive() ? live.Reverse() : [live[^1]];
    }

    /// <summary>Every incompatibility between a new schema and the given earlier versions, as one sentence each.</summary>
    public static List<string> Check(
        CompatibilityLevel level, ParsedSchema candidate, IEnumerable<(int Version, ParsedSchema Schema)> earlier)
    {
        var messages = new List<string>();
        foreach (var (version, schema) in earlier)
        {
            if (level.ChecksBackward())
            {
                messages.AddRange(AvroCompatibility.Check(reader: candidate.Avro, writer: schema.Avro).Select(found =>
                    $"{level.ToName()}: the new schema cannot read data written with version {version}: {found}"));
            }

            if (level.ChecksForward())
            {
                messages.AddRange(AvroCompatibility.Check(reader: schema.Avro, writer: candidate.Avro).Select(found =>
                    $"{level.ToName()}: version {version} cannot read data written with the new schema: {found}"));
            }
        }

        return messages;
    }
}
