using System.Globalization;
using CartStream.Registry.Schemas;

namespace CartStream.Registry.Api;

/// <summary>
/// The routes of the Confluent Schema Registry REST API that clients use. Errors are the registry's own
/// <c>{"error_code", "message"}</c> bodies rather than ProblemDetails: the Confluent clients parse that shape to
/// raise their exceptions with the error code.
/// </summary>
internal static class RegistryApi
{
    public static void UseRegistryErrors(this IApplicationBuilder app, ILogger logger) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (RegistryException error)
        {
            Log.RequestRefused(logger, context.Request.Method, context.Request.Path, error.ErrorCode, error.Message);
            await RegistryResults.WriteErrorAsync(context, error);
        }
        catch (BadHttpRequestException error)
        {
            await RegistryResults.WriteErrorAsync(context, RegistryException.BadRequest(error.Message));
        }
        catch (Exception error) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            Log.RequestFailed(logger, error, context.Request.Method, context.Request.Path);
            await RegistryResults.WriteErrorAsync(context, new RegistryException(500, 50001, $"Internal error: {error.Message}"));
        }
    });

    public static void MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => RegistryResults.Json(new Dictionary<string, string>()));
        SubjectEndpoints.Map(routes);
        SchemaEndpoints.Map(routes);
        ConfigEndpoints.Map(routes);
        CompatibilityEndpoints.Map(routes);
        routes.MapFallback(() => RegistryResults.Json(new ErrorResponse(404, "HTTP 404 Not Found"), StatusCodes.Status404NotFound));
    }

    /// <summary>A version path segment: a positive number, or <c>latest</c> / <c>-1</c> (returned as null).</summary>
    public static int? ParseVersion(string version)
    {
        if (version is "latest" or "-1")
        {
            return null;
        }

        return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw RegistryException.InvalidVersion(version);
    }

    public static int ParseSchemaId(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw RegistryException.SchemaNotFound($"with id '{id}'");

    /// <summary>Reads and validates the schema of a register, lookup or compatibility request.</summary>
    public static async Task<ParsedSchema> ReadSchemaAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBodies.ReadSchemaRequestAsync(request, cancellationToken);
        if (body.SchemaType is not null && !string.Equals(body.SchemaType, "AVRO", StringComparison.OrdinalIgnoreCase))
        {
            throw RegistryException.InvalidSchema($"Unsupported schema type '{body.SchemaType}': this registry serves Avro only.");
        }

        if (body.ReferenceCount > 0)
        {
            throw RegistryException.InvalidSchema("Schema references are not supported by this registry: send the schema with its named types inline.");
        }

        return AvroSchemaParser.Parse(body.Schema);
    }

    public static bool IsSet(string? flag) => string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
}
