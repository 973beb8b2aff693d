using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartStream.Registry.Tests;

/// <summary>Raw HTTP calls as curl would make them, for what the Confluent client does not expose.</summary>
internal static class RegistryHttp
{
    public const string ContentType = "application/vnd.schemaregistry.v1+json";

    public static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        HttpClient http, HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }

        var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    /// <summary>The body of a request carrying a schema: <c>{"schema": "..."}</c>.</summary>
    public static string SchemaBody(string schema) => JsonSerializer.Serialize(new Dictionary<string, string> { ["schema"] = schema });

    public static int ErrorCode(JsonNode? body) => (int)body!["error_code"]!;
}
