using System.Security.Cryptography;
using System.Text.Json;

namespace CartStream.Generator.Labels;

/// <summary>
/// Writes <c>labels.jsonl</c>: one JSON line per dirty record, naming its defects and the SHA-256 of the exact
/// payload bytes that carried it (the Avro datum in a container file, the message value on Kafka).
/// </summary>
public sealed class LabelWriter : IDisposable
{
    private readonly Stream _output;
    private readonly bool _ownsOutput;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to a stream; <paramref name="ownsOutput"/> says whether disposing closes it.</summary>
    public LabelWriter(Stream output, bool ownsOutput = true)
    {
        _output = output;
        _ownsOutput = ownsOutput;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Labels written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Creates (or replaces) a labels file.</summary>
    public static LabelWriter Create(string path) => new(File.Create(path));

    /// <summary>The labels file that goes with an output file: <c>FILE.avro</c> -> <c>FILE.avro.labels.jsonl</c>.</summary>
    public static string PathFor(string outputPath) => outputPath + ".labels.jsonl";

    /// <summary>Writes the record's label if it is dirty; clean records are not labelled.</summary>
    /// <param name="record">The generated record.</param>
    /// <param name="payload">The bytes that were written or sent for it.</param>
    public void Write(GeneratedRecord record, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsDirty)
        {
            return;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, hash);
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("seq", record.Sequence);
        _json.WriteString("event_id", record.Event.EventId);
        _json.WriteStartArray("defects");
        foreach (var defect in record.Defects)
        {
            _json.WriteStringValue(defect);
        }

        _json.WriteEndArray();
        _json.WriteString("payload_sha256", Convert.ToHexStringLower(hash));
        _json.WriteEndObject();
        _json.Flush();
        _output.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>Flushes buffered labels to the stream.</summary>
    public void Flush() => _output.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        if (_ownsOutput)
        {
            _output.Dispose();
        }
    }
}
