using CartStream.Registry.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CartStream.Registry.Api;

/// <summary><c>/compatibility</c>: would this schema register? Answers without registering it.</summary>
internal static class CompatibilityEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(
            "/compatibility/subjects/{subject}/versions/{version}",
            async (string subject, string version, HttpRequest request, SchemaStore store, [FromQuery] string? verbose, CancellationToken cancellationToken) =>
            {
                var against = RegistryApi.ParseVersion(version);
                var schema = await RegistryApi.ReadSchemaAsync(request, cancellationToken);
                return Answer(store.CheckCompatibility(subject, schema, against, allVersions: false), verbose);
            });

        routes.MapPost(
            "/compatibility/subjects/{subject}/versions",
            async (string subject, HttpRequest request, SchemaStore store, [FromQuery] string? verbose, CancellationToken cancellationToken) =>
            {
                var schema = await RegistryApi.ReadSchemaAsync(request, cancellationToken);
                return Answer(store.CheckCompatibility(subject, schema, version: null, allVersions: true), verbose);
            });
    }

    private static IResult Answer(IReadOnlyList<string> problems, string? verbose) =>
        RegistryResults.Json(new CompatibilityCheckResponse(problems.Count == 0, RegistryApi.IsSet(verbose) ? problems : null));
}
