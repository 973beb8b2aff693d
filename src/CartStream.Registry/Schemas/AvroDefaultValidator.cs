using Avro;
using Newtonsoft.Json.Linq;

namespace CartStream.Registry.Schemas;

/// <summary>Checks every field default against its field's type, as the Avro specification requires.</summary>
internal static class AvroDefaultValidator
{
    /// <summary>A description of the first field whose default does not match its type, or null when all do.</summary>
    public static string? FindInvalidDefault(Schema schema) => Walk(schema, new HashSet<string>(StringComparer.Ordinal));

    private static string? Walk(Schema schema, HashSet<string> seenRecords)
    {
        switch (schema)
        {
            case LogicalSchema logical:
                return Walk(logical.BaseSchema, seenRecords);
            case RecordSchema record when seenRecords.Add(record.Fullname):
                foreach (var field in record.Fields)
                {
                    if (field.DefaultValue is not null && !Matches(field.Schema, field.DefaultValue))
                    {
                        return $"the default value {field.DefaultValue.ToString(Newtonsoft.Json.Formatting.None)} of field '{field.Name}' in {record.Fullname} does not match its type {Describe(field.Schema)}";
                    }

                    var nested = Walk(field.Schema, seenRecords);
                    if (nested is not null)
                    {
                        return nested;
                    }
                }

                return null;
            case ArraySchema array:
                return Walk(array.ItemSchema, seenRecords);
            case MapSchema map:
                return Walk(map.ValueSchema, seenRecords);
            case UnionSchema union:
                return union.Schemas.Select(branch => Walk(branch, seenRecords)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }

    private static bool Matches(Schema schema, JToken value) => schema switch
    {
        LogicalSchema logical => Matches(logical.BaseSchema, value),

        // The specification ties a union's default to its first branch.
        UnionSchema union => union.Count > 0 && Matches(union.Schemas[0], value),
        RecordSchema record => value is JObject obj && record.Fields.All(field =>
            obj.TryGetValue(field.Name, out var fieldValue) ? Matches(field.Schema, fieldValue) : field.DefaultValue is not null),
        EnumSchema @enum => value.Type == JTokenType.String && @enum.Symbols.Contains(value.Value<string>()!),
        FixedSchema @fixed => value.Type == JTokenType.String && value.Value<string>()!.Length == @fixed.Size,
        ArraySchema array => value is JArray items && items.All(item => Matches(array.ItemSchema, item)),
        MapSchema map => value is JObject entries && entries.Properties().All(entry => Matches(map.ValueSchema, entry.Value)),
        _ => MatchesPrimitive(schema.Tag, value),
    };

    private static bool MatchesPrimitive(Schema.Type type, JToken value) => type switch
    {
        Schema.Type.Null => value.Type == JTokenType.Null,
        Schema.Type.Boolean => value.Type == JTokenType.Boolean,
        Schema.Type.Int => value.Type == JTokenType.Integer && IsInRange(value, int.MinValue, int.MaxValue),
        Schema.Type.Long => value.Type == JTokenType.Integer && IsInRange(value, long.MinValue, long.MaxValue),
        Schema.Type.Float or Schema.Type.Double => value.Type is JTokenType.Integer or JTokenType.Float,
        Schema.Type.String or Schema.Type.Bytes => value.Type == JTokenType.String,
        _ => false,
    };

    private static bool IsInRange(JToken value, long min, long max) =>
        value is JValue { Value: long number } ? number >= min && number <= max : value is JValue { Value: int };

    private static string Describe(Schema schema) => schema switch
    {
        UnionSchema union => $"[{string.Join(", ", union.Schemas.Select(Describe))}]",
        NamedSchema named => named.Fullname,
        LogicalSchema logical => Describe(logical.BaseSchema),
        _ => schema.Tag.ToString().ToLowerInvariant(),
    };
}
