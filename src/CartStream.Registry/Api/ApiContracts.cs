using System.Text.Json.Serialization;

namespace CartStream.Registry.Api;

// The JSON shapes of the Confluent Schema Registry API, field names as its clients expect them.

/// <summary>Body of <c>POST /subjects/{subject}/versions</c>, <c>POST /subjects/{subject}</c> and compatibility checks.</summary>
internal sealed record SchemaRequest(string? Schema, string? SchemaType, int ReferenceCount);

/// <summary>Answer to a registration.</summary>
internal sealed record SchemaIdResponse([property: JsonPropertyName("id")] int Id);

/// <summary>Answer to <c>GET /schemas/ids/{id}</c>.</summary>
internal sealed record SchemaByIdResponse([property: JsonPropertyName("schema")] string Schema);

/// <summary>One version of a subject.</summary>
internal sealed record SubjectVersionResponse(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("schema")] string Schema);

/// <summary>Where a schema id is used: <c>GET /schemas/ids/{id}/versions</c>.</summary>
internal sealed record SubjectVersionReference(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("version")] int Version);

/// <summary>Answer to a compatibility check; messages only when the client asks for <c>verbose=true</c>.</summary>
internal sealed record CompatibilityCheckResponse(
    [property: JsonPropertyName("is_compatible")] bool IsCompatible,
    [property: JsonPropertyName("messages"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Messages);

/// <summary>
/// Answer to <c>GET /config</c>. The documented field is <c>compatibilityLevel</c>; the .NET client
/// (Confluent.SchemaRegistry 2.14) reads <c>compatibility</c>, so both carry the level.
/// </summary>
internal sealed record ConfigResponse(
    [property: JsonPropertyName("compatibilityLevel")] string CompatibilityLevel,
    [property: JsonPropertyName("compatibility")] string Compatibility);

/// <summary>Answer to <c>PUT /config</c>, echoing the level set.</summary>
internal sealed record ConfigUpdateResponse([property: JsonPropertyName("compatibility")] string Compatibility);

/// <summary>The error body every refusal carries.</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message);
