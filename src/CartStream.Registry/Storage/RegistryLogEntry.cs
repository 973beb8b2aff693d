using System.Text.Json.Serialization;

namespace CartStream.Registry.Storage;

/// <summary>
/// One line of the registry's append-only log. Replaying every line in order rebuilds the registry, so a line
/// records a fact (a schema got an id, a subject got a version), never a request.
/// </summary>
internal sealed record RegistryLogEntry
{
    public const string SchemaOp = "schema";
    public const string VersionOp = "version";
    public const string ConfigOp = "config";
    public const string DeleteSubjectOp = "delete-subject";

    [JsonPropertyName("op")]
    public required string Op { get; init; }

    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Id { get; init; }

    [JsonPropertyName("schema"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    [JsonPropertyName("subject"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subject { get; init; }

    [JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Version { get; init; }

    /// <summary>A level name; null in a <see cref="ConfigOp"/> line removes a subject's own level.</summary>
    [JsonPropertyName("compatibility"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Compatibility { get; init; }

    [JsonPropertyName("permanent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Permanent { get; init; }
}
