using System.Text.Json;

namespace CartStream.Registry.Api;

/// <summary>Reads request bodies by hand, so a malformed one gets the registry's error body rather than the framework's.</summary>
internal static class RequestBodies
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static async Task<SchemaRequest> ReadSchemaRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await ReadJsonAsync(request, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw RegistryException.BadRequest("The request body must be a JSON object with a \"schema\" field.");
        }

        var schema = root.TryGetProperty("schema", out var schemaElement) && schemaElement.ValueKind == JsonValueKind.String
            ? schemaElement.GetString()
            : null;
        var schemaType = root.TryGetProperty("schemaType", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        var references = root.TryGetProperty("references", out var referencesElement) && referencesElement.ValueKind == JsonValueKind.Array
            ? referencesElement.GetArrayLength()
            : 0;
        return new SchemaRequest(schema, schemaType, references);
    }

    public static async Task<string?> ReadCompatibilityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await ReadJsonAsync(request, cancellationToken);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("compatibility", out var level)
            && level.ValueKind == JsonValueKind.String
                ? level.GetString()
                : null;
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw RegistryException.BadRequest($"The request body is larger than {MaxBodyBytes} bytes.");
        }

        try
        {
            return await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw RegistryException.BadRequest($"The request body is not valid JSON: {ex.Message}");
        }
    }
}
