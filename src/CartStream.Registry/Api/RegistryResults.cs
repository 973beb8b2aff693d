using System.Text.Encodings.Web;
using System.Text.Json;

namespace CartStream.Registry.Api;

/// <summary>Responses in the registry's own content type, which its clients ask for in <c>Accept</c>.</summary>
internal static class RegistryResults
{
    public const string ContentType = "application/vnd.schemaregistry.v1+json";

    // Schemas travel as JSON strings inside JSON: without the relaxed encoder every quote becomes \u0022.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(value, Options), ContentType, statusCode: statusCode);

    public static Task WriteErrorAsync(HttpContext context, RegistryException error)
    {
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(
            JsonSerializer.Serialize(new ErrorResponse(error.ErrorCode, error.Message), Options),
            context.RequestAborted);
    }
}
