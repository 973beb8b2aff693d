using Avro;

namespace CartStream.Registry.Compatibility;

/// <summary>Short human descriptions of Avro types for incompatibility messages.</summary>
internal static class AvroTypeNames
{
    public static Schema Unwrap(Schema schema) => schema is LogicalSchema logical ? logical.BaseSchema : schema;

    public static string RootPath(Schema schema) => Unwrap(schema) is NamedSchema named ? named.Name : Describe(schema);

    public static string Describe(Schema schema) => schema switch
    {
        LogicalSchema logical => $"{Describe(logical.BaseSchema)} ({logical.LogicalTypeName})",
        RecordSchema record => $"record {record.Fullname}",
        EnumSchema @enum => $"enum {@enum.Fullname}",
        FixedSchema @fixed => $"fixed {@fixed.Fullname}({@fixed.Size})",
        ArraySchema array => $"array<{Describe(array.ItemSchema)}>",
        MapSchema map => $"map<{Describe(map.ValueSchema)}>",
        UnionSchema union => $"[{string.Join(", ", union.Schemas.Select(Describe))}]",
        _ => schema.Tag.ToString().ToLowerInvariant(),
    };
}
