using System.Text;
using System.Text.Json;

namespace CartStream.Events.Avro;

/// <summary>The kinds of Avro schema, primitive and complex.</summary>
internal enum AvroSchemaKind
{
    Null, Boolean, Int, Long, Float, Double, Bytes, String, Record, Enum, Array, Map, Union, Fixed,
}

/// <summary>
/// A parsed Avro schema, just enough to find where each record ends in a block (to hand out raw record bytes of
/// any schema) and to compare two schemas by their shape (names, fields, types, logical types), ignoring docs,
/// defaults, aliases and formatting.
/// </summary>
internal sealed partial class AvroSchemaNode
{
    private const int MaxDepth = 256;

    private AvroSchemaNode(AvroSchemaKind kind) => Kind = kind;

    public AvroSchemaKind Kind { get; }

    public string? FullName { get; private init; }

    public string? LogicalType { get; private init; }

    public int Precision { get; private init; }

    public int Scale { get; private init; }

    public int Size { get; private init; }

    public IReadOnlyList<string> Symbols { get; private init; } = [];

    public List<(string Name, AvroSchemaNode Type)> Fields { get; } = [];

    public IReadOnlyList<AvroSchemaNode> Branches { get; private init; } = [];

    public AvroSchemaNode? Items { get; private init; }

    /// <summary>Parses schema JSON; a schema that is not valid Avro throws <see cref="FormatException"/>.</summary>
    public static AvroSchemaNode Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, null, new Dictionary<string, AvroSchemaNode>(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Not a valid Avro schema: {e.Message}", e);
        }
    }

    /// <summary>Skips one value of this schema, checking it is well-formed.</summary>
    public void Skip(ref AvroBinaryReader reader) => Skip(ref reader, 0);

    /// <summary>A canonical text of the schema's shape, equal for schemas that encode the same way.</summary>
    public string Shape()
    {
        var text = new StringBuilder();
        AppendShape(text, new HashSet<string>(StringComparer.Ordinal));
        return text.ToString();
    }

    private static AvroSchemaNode Parse(JsonElement element, string? enclosingNamespace, Dictionary<string, AvroSchemaNode> named)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Primitive(element.GetString()!) ?? Lookup(element.GetString()!, enclosingNamespace, named);
            case JsonValueKind.Array:
                return new AvroSchemaNode(AvroSchemaKind.Union)
                {
                    Branches = [.. element.EnumerateArray().Select(branch => Parse(branch, enclosingNamespace, named))],
                };
            case JsonValueKind.Object:
                break;
            default:
                throw new FormatException($"Unexpected JSON {element.ValueKind} where a schema was expected.");
        }

        var type = element.GetProperty("type");
        if (type.ValueKind != JsonValueKind.String)
        {
            // {"type": {...}} wraps a full schema.
            return Parse(type, enclosingNamespace, named);
        }

        var typeName = type.GetString()!;
        var logicalType = element.TryGetProperty("logicalType", out var logical) ? logical.GetString() : null;
        var precision = element.TryGetProperty("precision", out var p) ? p.GetInt32() : 0;
        var scale = element.TryGetProperty("scale", out var s) ? s.GetInt32() : 0;
        switch (typeName)
        {
            case "record" or "error" or "enum" or "fixed":
            {
                var fullName = FullNameOf(element, enclosingNamespace);
                var ownNamespace = fullName.Contains('.', StringComparison.Ordinal) ? fullName[..fullName.LastIndexOf('.')] : null;
                var kind = typeName switch { "enum" => AvroSchemaKind.Enum, "fixed" => AvroSchemaKind.Fixed, _ => AvroSchemaKind.Record };
                var node = new AvroSchemaNode(kind)
                {
                    FullName = fullName,
                    LogicalType = logicalType,
                    Precision = precision,
                    Scale = scale,
                    Size = kind == AvroSchemaKind.Fixed ? element.GetProperty("size").GetInt32() : 0,
                    Symbols = kind == AvroSchemaKind.Enum ? [.. element.GetProperty("symbols").EnumerateArray().Select(x => x.GetString()!)] : [],
                };
                if (!named.TryAdd(fullName, node))
                {
                    throw new FormatException($"The name {fullName} is defined twice.");
                }

                if (kind == AvroSchemaKind.Record)
                {
                    foreach (var field in element.GetProperty("fields").EnumerateArray())
                    {
                        node.Fields.Add((field.GetProperty("name").GetString()!, Parse(field.GetProperty("type"), ownNamespace, named)));
                    }
                }

                return node;
            }

            case "array" or "map":
                return new AvroSchemaNode(typeName == "array" ? AvroSchemaKind.Array : AvroSchemaKind.Map)
                {
                    Items = Parse(element.GetProperty(typeName == "array" ? "items" : "values"), enclosingNamespace, named),
                };
            default:
            {
                var primitive = Primitive(typeName) ?? Lookup(typeName, enclosingNamespace, named);
                if (logicalType is null || primitive.FullName is not null)
                {
                    return primitive;
                }

                return new AvroSchemaNode(primitive.Kind) { LogicalType = logicalType, Precision = precision, Scale = scale };
            }
        }
    }

    private static string FullNameOf(JsonElement element, string? enclosingNamespace)
    {
        var name = element.GetProperty("name").GetString()!;
        if (name.Contains('.', StringComparison.Ordinal))
        {
            return name;
        }

        var ns = element.TryGetProperty("namespace", out var n) ? n.GetString() : enclosingNamespace;
        return string.IsNullOrEmpty(ns) ? name : $"{ns}.{name}";
    }

    private static AvroSchemaNode Lookup(string name, string? enclosingNamespace, Dictionary<string, AvroSchemaNode> named)
    {
        if (!name.Contains('.', StringComparison.Ordinal) && !string.IsNullOrEmpty(enclosingNamespace)
            && named.TryGetValue($"{enclosingNamespace}.{name}", out var inNamespace))
        {
            return inNamespace;
        }

        return named.TryGetValue(name, out var node) ? node : throw new FormatException($"Unknown type name '{name}'.");
    }

    private static AvroSchemaNode? Primitive(string name) => name switch
    {
        "null" => new(AvroSchemaKind.Null),
        "boolean" => new(AvroSchemaKind.Boolean),
        "int" => new(AvroSchemaKind.Int),
        "long" => new(AvroSchemaKind.Long),
        "float" => new(AvroSchemaKind.Float),
        "double" => new(AvroSchemaKind.Double),
        "bytes" => new(AvroSchemaKind.Bytes),
        "string" => new(AvroSchemaKind.String),
        _ => null,
    };

    private void Skip(ref AvroBinaryReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new AvroFormatException($"Values nest deeper than {MaxDepth} levels", reader.Position);
        }

        switch (Kind)
        {
            case AvroSchemaKind.Null:
                break;
            case AvroSchemaKind.Boolean:
                reader.ReadBoolean();
                break;
            case AvroSchemaKind.Int:
                reader.ReadInt();
                break;
            case AvroSchemaKind.Long:
                reader.ReadLong();
                break;
            case AvroSchemaKind.Float:
                reader.Skip(4);
                break;
            case AvroSchemaKind.Double:
                reader.Skip(8);
                break;
            case AvroSchemaKind.Bytes or AvroSchemaKind.String:
                reader.ReadBytes();
                break;
            case AvroSchemaKind.Fixed:
                reader.Skip(Size);
                break;
            case AvroSchemaKind.Enum:
                reader.ReadUnionIndex(Symbols.Count);
                break;
            case AvroSchemaKind.Union:
                Branches[reader.ReadUnionIndex(Branches.Count)].Skip(ref reader, depth + 1);
                break;
            case AvroSchemaKind.Record:
                foreach (var (_, type) in Fields)
                {
                    type.Skip(ref reader, depth + 1);
                }

                break;
            case AvroSchemaKind.Array or AvroSchemaKind.Map:
                SkipBlocks(ref reader, depth);
                break;
        }
    }

    private void SkipBlocks(ref AvroBinaryReader reader, int depth)
    {
        while (true)
        {
            var start = reader.Position;
            var count = reader.ReadLong();
            if (count == 0)
            {
                return;
            }

            if (count < 0)
            {
                // A negative count is followed by the block's size in bytes.
                reader.ReadLong();
                count = count == long.MinValue ? throw new AvroFormatException("Invalid block count", start) : -count;
            }

            if (count > reader.Remaining)
            {
                throw new AvroFormatException($"Block of {count} items cannot fit the {reader.Remaining} bytes left", start);
            }

            for (var i = 0; i < count; i++)
            {
                if (Kind == AvroSchemaKind.Map)
                {
                    reader.ReadBytes();
                }

                Items!.Skip(ref reader, depth + 1);
            }
        }
    }
}
