using Avro;

namespace CartStream.Registry.Compatibility;

/// <summary>
/// Avro schema resolution, as the specification defines it: can a reader schema read data written with a writer
/// schema? Every broken rule is reported with where it is and why, so a refused registration names the field.
/// </summary>
/// <remarks>
/// Apache.Avro parses the schemas; the resolution rules are applied here because the registry has to explain a
/// refusal (field and reason), not only say yes or no. Logical types are compared by their underlying type, as
/// Avro readers resolve them.
/// </remarks>
public static class AvroCompatibility
{
    /// <summary>Every reason <paramref name="reader"/> cannot read data written with <paramref name="writer"/>; empty when it can.</summary>
    public static IReadOnlyList<SchemaIncompatibility> Check(Schema reader, Schema writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var check = new ResolutionCheck(new HashSet<(string, string)>());
        check.Visit(reader, writer, AvroTypeNames.RootPath(reader));
        return check.Found;
    }

    /// <summary>Whether <paramref name="reader"/> can read every datum written with <paramref name="writer"/>.</summary>
    public static bool CanRead(Schema reader, Schema writer) => Check(reader, writer).Count == 0;
}
