using CartStream.Registry.Compatibility;
using CartStream.Registry.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CartStream.Registry.Api;

/// <summary><c>/config</c>: the global compatibility level and each subject's own.</summary>
internal static class ConfigEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/config", (SchemaStore store) => Describe(store.GlobalLevel));

        routes.MapPut("/config", async (HttpRequest request, SchemaStore store, CancellationToken cancellationToken) =>
        {
            var level = await ReadLevelAsync(request, cancellationToken);
            store.SetGlobalLevel(level);
            return RegistryResults.Json(new ConfigUpdateResponse(level.ToName()));
        });

        routes.MapGet("/config/{subject}", (string subject, SchemaStore store, [FromQuery] string? defaultToGlobal) =>
        {
            var level = store.GetSubjectLevel(subject)
                ?? (RegistryApi.IsSet(defaultToGlobal) ? store.GlobalLevel : throw RegistryException.SubjectLevelNotConfigured(subject));
            return Describe(level);
        });

        routes.MapPut("/config/{subject}", async (string subject, HttpRequest request, SchemaStore store, CancellationToken cancellationToken) =>
        {
            var level = await ReadLevelAsync(request, cancellationToken);
            store.SetSubjectLevel(subject, level);
            return RegistryResults.Json(new ConfigUpdateResponse(level.ToName()));
        });

        routes.MapDelete("/config/{subject}", (string subject, SchemaStore store) =>
        {
            var previous = store.GetSubjectLevel(subject) ?? throw RegistryException.SubjectLevelNotConfigured(subject);
            store.SetSubjectLevel(subject, null);
            return Describe(previous);
        });
    }

    private static IResult Describe(CompatibilityLevel level) =>
        RegistryResults.Json(new ConfigResponse(level.ToName(), level.ToName()));

    private static async Task<CompatibilityLevel> ReadLevelAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var name = await RequestBodies.ReadCompatibilityAsync(request, cancellationToken);
        return CompatibilityLevelNames.TryParse(name, out var level) ? level : throw RegistryException.InvalidCompatibilityLevel(name);
    }
}
