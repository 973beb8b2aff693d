using CartStream.Registry.Storage;

namespace CartStream.Registry.Api;

/// <summary><c>/schemas</c>: schemas by their global id, which is what a consumer reads from each message.</summary>
internal static class SchemaEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/schemas/ids/{id}", (string id, SchemaStore store) =>
            RegistryResults.Json(new SchemaByIdResponse(store.GetSchema(RegistryApi.ParseSchemaId(id)).Schema.Canonical)));

        routes.MapGet("/schemas/ids/{id}/schema", (string id, SchemaStore store) =>
            Results.Text(store.GetSchema(RegistryApi.ParseSchemaId(id)).Schema.Canonical, RegistryResults.ContentType));

        routes.MapGet("/schemas/ids/{id}/subjects", (string id, SchemaStore store) =>
            RegistryResults.Json(store.GetUsages(RegistryApi.ParseSchemaId(id)).Select(usage => usage.Subject).Distinct().ToList()));

        routes.MapGet("/schemas/ids/{id}/versions", (string id, SchemaStore store) =>
            RegistryResults.Json(store.GetUsages(RegistryApi.ParseSchemaId(id))));

        routes.MapGet("/schemas/types", () => RegistryResults.Json(new[] { "AVRO" }));
    }
}
