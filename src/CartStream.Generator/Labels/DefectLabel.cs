using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartStream.Generator.Labels;

/// <summary>
/// One line of <c>labels.jsonl</c>: which record is dirty and how. The side channel the tests check the transform
/// against; the transform itself never reads it.
/// </summary>
/// <param name="Seq">The record's <see cref="GeneratedRecord.Sequence"/>.</param>
/// <param name="EventId">The event id the record carries (for not-Avro bytes: the one the producer meant to send).</param>
/// <param name="Defects">Defect codes, exactly those the record carries.</param>
/// <param name="PayloadSha256">SHA-256, lower-case hex, of the exact message payload bytes.</param>
public sealed record DefectLabel(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("defects")] IReadOnlyList<string> Defects,
    [property: JsonPropertyName("payload_sha256")] string PayloadSha256)
{
    /// <summary>Reads every label of a <c>labels.jsonl</c> file.</summary>
    public static IEnumerable<DefectLabel> ReadAll(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<DefectLabel>(line)
                    ?? throw new InvalidDataException($"{path}: a label line is null.");
            }
        }
    }
}
