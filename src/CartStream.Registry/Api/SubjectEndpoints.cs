using CartStream.Registry.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CartStream.Registry.Api;

/// <summary><c>/subjects</c>: register, look up, list and delete.</summary>
internal static class SubjectEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/subjects", (SchemaStore store, [FromQuery] string? deleted) =>
            RegistryResults.Json(store.GetSubjects(RegistryApi.IsSet(deleted))));

        routes.MapGet("/subjects/{subject}/versions", (string subject, SchemaStore store, [FromQuery] string? deleted) =>
            RegistryResults.Json(store.GetVersions(subject, RegistryApi.IsSet(deleted))));

        routes.MapPost("/subjects/{subject}/versions", async (string subject, HttpRequest request, SchemaStore store, CancellationToken cancellationToken) =>
        {
            var schema = await RegistryApi.ReadSchemaAsync(request, cancellationToken);
            var (id, _) = store.Register(subject, schema);
            return RegistryResults.Json(new SchemaIdResponse(id));
        });

        routes.MapPost("/subjects/{subject}", async (string subject, HttpRequest request, SchemaStore store, CancellationToken cancellationToken) =>
        {
            var schema = await RegistryApi.ReadSchemaAsync(request, cancellationToken);
            var (version, stored) = store.Lookup(subject, schema);
            return RegistryResults.Json(new SubjectVersionResponse(subject, version.Version, stored.Id, stored.Schema.Canonical));
        });

        routes.MapGet("/subjects/{subject}/versions/{version}", (string subject, string version, SchemaStore store, [FromQuery] string? deleted) =>
        {
            var (found, stored) = store.GetVersion(subject, RegistryApi.ParseVersion(version), RegistryApi.IsSet(deleted));
            return RegistryResults.Json(new SubjectVersionResponse(subject, found.Version, stored.Id, stored.Schema.Canonical));
        });

        routes.MapGet("/subjects/{subject}/versions/{version}/schema", (string subject, string version, SchemaStore store) =>
        {
            var (_, stored) = store.GetVersion(subject, RegistryApi.ParseVersion(version));
            return Results.Text(stored.Schema.Canonical, RegistryResults.ContentType);
        });

        routes.MapDelete("/subjects/{subject}", (string subject, SchemaStore store, [FromQuery] string? permanent) =>
            RegistryResults.Json(store.DeleteSubject(subject, RegistryApi.IsSet(permanent))));
    }
}
