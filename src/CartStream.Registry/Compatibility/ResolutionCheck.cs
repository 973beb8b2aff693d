using Avro;
using Newtonsoft.Json.Linq;

namespace CartStream.Registry.Compatibility;

/// <summary>One walk of a reader schema against a writer schema, collecting what breaks the resolution rules.</summary>
internal sealed class ResolutionCheck(HashSet<(string Reader, string Writer)> recordsInProgress)
{
    public List<SchemaIncompatibility> Found { get; } = [];

    public void Visit(Schema readerSchema, Schema writerSchema, string path)
    {
        var reader = AvroTypeNames.Unwrap(readerSchema);
        var writer = AvroTypeNames.Unwrap(writerSchema);

        // A writer union is readable only if every branch it may have written is.
        if (writer is UnionSchema writerUnion)
        {
            foreach (var branch in writerUnion.Schemas)
            {
                VisitWriterBranch(reader, AvroTypeNames.Unwrap(branch), path);
            }

            return;
        }

        if (reader is UnionSchema readerUnion)
        {
            ResolveIntoUnion(readerUnion, writer, path, $"writer type {AvroTypeNames.Describe(writer)}");
            return;
        }

        switch (reader)
        {
            case RecordSchema readerRecord:
                VisitRecord(readerRecord, writer, path);
                break;
            case EnumSchema readerEnum:
                VisitEnum(readerEnum, writer, path);
                break;
            case FixedSchema readerFixed:
                VisitFixed(readerFixed, writer, path);
                break;
            case ArraySchema readerArray when writer is ArraySchema writerArray:
                Visit(readerArray.ItemSchema, writerArray.ItemSchema, path + "[]");
                break;
            case MapSchema readerMap when writer is MapSchema writerMap:
                Visit(readerMap.ValueSchema, writerMap.ValueSchema, path + "{}");
                break;
            case PrimitiveSchema when reader.Tag == writer.Tag || IsPromotion(writer.Tag, reader.Tag):
                break;
            default:
                AddTypeMismatch(reader, writer, path);
                break;
        }
    }

    private void VisitWriterBranch(Schema reader, Schema branch, string path)
    {
        var what = $"the writer's union branch {AvroTypeNames.Describe(branch)}";
        if (reader is UnionSchema readerUnion)
        {
            ResolveIntoUnion(readerUnion, branch, path, what);
        }
        else if (!Fits(reader, branch, path))
        {
            if (IsSameKind(reader, branch))
            {
                Visit(reader, branch, path);
            }
            else
            {
                Add(IncompatibilityKind.TypeMismatch, path, $"reader type {AvroTypeNames.Describe(reader)} cannot read {what}");
            }
        }
    }

    // A reader union reads a writer value with its first branch that can; none means the value is unreadable.
    private void ResolveIntoUnion(UnionSchema readerUnion, Schema writer, string path, string what)
    {
        var branches = readerUnion.Schemas.Select(AvroTypeNames.Unwrap).ToList();
        if (branches.Any(branch => Fits(branch, writer, path)))
        {
            return;
        }

        // The branch the writer's value was meant for (same record, say) explains the failure best.
        var sameKind = branches.FirstOrDefault(branch => IsSameKind(branch, writer));
        if (sameKind is not null)
        {
            Visit(sameKind, writer, path);
            return;
        }

        Add(
            IncompatibilityKind.MissingUnionBranch,
            path,
            $"the reader's union {AvroTypeNames.Describe(readerUnion)} has no branch that can read {what}");
    }

    private void VisitRecord(RecordSchema reader, Schema writerSchema, string path)
    {
        if (writerSchema is not RecordSchema writer)
        {
            AddTypeMismatch(reader, writerSchema, path);
            return;
        }

        if (!NamesMatch(reader, writer))
        {
            AddNameMismatch(reader, writer, path);
            return;
        }

        // A recursive type meets itself again: assume it resolves, the first visit reports what does not.
        var key = (reader.Fullname, writer.Fullname);
        if (!recordsInProgress.Add(key))
        {
            return;
        }

        foreach (var readerField in reader.Fields)
        {
            var fieldPath = $"{path}.{readerField.Name}";
            var writerField = FindWriterField(writer, readerField);
            if (writerField is not null)
            {
                Visit(readerField.Schema, writerField.Schema, fieldPath);
            }
            else if (readerField.DefaultValue is null)
            {
                Add(
                    IncompatibilityKind.ReaderFieldMissingDefaultValue,
                    fieldPath,
                    $"field '{readerField.Name}' has no default value in the reader and is missing from the writer, so data written without it cannot be read");
            }
        }

        recordsInProgress.Remove(key);
    }

    private void VisitEnum(EnumSchema reader, Schema writerSchema, string path)
    {
        if (writerSchema is not EnumSchema writer)
        {
            AddTypeMismatch(reader, writerSchema, path);
            return;
        }

        if (!NamesMatch(reader, writer))
        {
            AddNameMismatch(reader, writer, path);
            return;
        }

        var unknown = writer.Symbols.Where(symbol => !reader.Symbols.Contains(symbol)).ToList();
        if (unknown.Count > 0 && reader.Default is null)
        {
            Add(
                IncompatibilityKind.MissingEnumSymbols,
                path,
                $"enum {reader.Fullname} lacks the writer's symbols {string.Join(", ", unknown)} and has no default symbol to read them as");
        }
    }

    private void VisitFixed(FixedSchema reader, Schema writerSchema, string path)
    {
        if (writerSchema is not FixedSchema writer)
        {
            AddTypeMismatch(reader, writerSchema, path);
        }
        else if (!NamesMatch(reader, writer))
        {
            AddNameMismatch(reader, writer, path);
        }
        else if (reader.Size != writer.Size)
        {
            Add(
                IncompatibilityKind.FixedSizeMismatch,
                path,
                $"fixed {reader.Fullname} is {reader.Size} bytes in the reader but {writer.Size} bytes in the writer");
        }
    }

    private bool Fits(Schema reader, Schema writer, string path)
    {
        var trial = new ResolutionCheck(recordsInProgress);
        trial.Visit(reader, writer, path);
        return trial.Found.Count == 0;
    }

    private static Field? FindWriterField(RecordSchema writer, Field readerField)
    {
        if (writer.TryGetField(readerField.Name, out var byName))
        {
            return byName;
        }

        // A renamed field resolves through the reader's aliases for it.
        return readerField.Aliases?.Select(alias => writer.TryGetField(alias, out var byAlias) ? byAlias : null)
            .FirstOrDefault(field => field is not null);
    }

    private static bool IsSameKind(Schema reader, Schema writer) =>
        reader.Tag == writer.Tag && (reader is not NamedSchema named || NamesMatch(named, (NamedSchema)writer));

    private static bool NamesMatch(NamedSchema reader, NamedSchema writer) =>
        reader.Name == writer.Name || AliasesOf(reader).Any(alias =>
            alias == writer.Name || alias == writer.Fullname || $"{reader.Namespace}.{alias}" == writer.Fullname);

    // Apache.Avro keeps a named type's aliases to itself; its JSON rendering carries them.
    private static IEnumerable<string> AliasesOf(NamedSchema schema) =>
        JObject.Parse(schema.ToString())["aliases"]?.Values<string>().OfType<string>() ?? [];

    // The promotions the Avro specification allows a reader to apply to a writer's value.
    private static bool IsPromotion(Schema.Type writer, Schema.Type reader) => (writer, reader) switch
    {
        (Schema.Type.Int, Schema.Type.Long or Schema.Type.Float or Schema.Type.Double) => true,
        (Schema.Type.Long, Schema.Type.Float or Schema.Type.Double) => true,
        (Schema.Type.Float, Schema.Type.Double) => true,
        (Schema.Type.String, Schema.Type.Bytes) => true,
        (Schema.Type.Bytes, Schema.Type.String) => true,
        _ => false,
    };

    private void AddTypeMismatch(Schema reader, Schema writer, string path) => Add(
        IncompatibilityKind.TypeMismatch,
        path,
        $"reader type {AvroTypeNames.Describe(reader)} cannot read writer type {AvroTypeNames.Describe(writer)}");

    private void AddNameMismatch(NamedSchema reader, NamedSchema writer, string path) => Add(
        IncompatibilityKind.NameMismatch,
        path,
        $"the reader names the type {reader.Fullname} but the writer names it {writer.Fullname}, and no alias matches");

    private void Add(IncompatibilityKind kind, string path, string message) => Found.Add(new SchemaIncompatibility(kind, path, message));
}
