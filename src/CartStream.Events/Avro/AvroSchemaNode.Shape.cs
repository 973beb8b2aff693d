using System.Text;

namespace CartStream.Events.Avro;

/// <summary>The canonical shape text used to compare schemas.</summary>
internal sealed partial class AvroSchemaNode
{
    private void AppendShape(StringBuilder text, HashSet<string> seen)
    {
        if (FullName is not null && !seen.Add(FullName))
        {
            text.Append('"').Append(FullName).Append('"');
            return;
        }

        text.Append("{\"type\":\"").Append(Kind.ToString().ToLowerInvariant()).Append('"');
        if (FullName is not null)
        {
            text.Append(",\"name\":\"").Append(FullName).Append('"');
        }

        if (LogicalType is not null)
        {
            text.Append(",\"logicalType\":\"").Append(LogicalType).Append("\",\"precision\":").Append(Precision).Append(",\"scale\":").Append(Scale);
        }

        switch (Kind)
        {
            case AvroSchemaKind.Record:
                text.Append(",\"fields\":[");
                foreach (var (name, type) in Fields)
                {
                    text.Append("{\"name\":\"").Append(name).Append("\",\"type\":");
                    type.AppendShape(text, seen);
                    text.Append("},");
                }

                text.Append(']');
                break;
            case AvroSchemaKind.Enum:
                text.Append(",\"symbols\":[").AppendJoin(',', Symbols.Select(x => $"\"{x}\"")).Append(']');
                break;
            case AvroSchemaKind.Fixed:
                text.Append(",\"size\":").Append(Size);
                break;
            case AvroSchemaKind.Array or AvroSchemaKind.Map:
                text.Append(",\"items\":");
                Items!.AppendShape(text, seen);
                break;
            case AvroSchemaKind.Union:
                text.Append(",\"branches\":[");
                foreach (var branch in Branches)
                {
                    branch.AppendShape(text, seen);
                    text.Append(',');
                }

                text.Append(']');
                break;
        }

        text.Append('}');
    }
}
