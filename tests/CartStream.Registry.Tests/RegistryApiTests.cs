using System.Text.Json.Nodes;
using static CartStream.Registry.Tests.RegistryHttp;

namespace CartStream.Registry.Tests;

/// <summary>The REST API as documented: shapes, content type, error codes, and what the client library does not reach.</summary>
public sealed class RegistryApiTests
{
    private static readonly string IntRecord = TestSchemas.Record("Point", """{"name":"x","type":"int"}""");

    [Fact]
    public async Task Responses_use_the_registry_content_type_and_documented_shapes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();

        var (status, body, response) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(IntRecord), ct);
        Assert.Equal(200, status);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        var id = (int)body!["id"]!;

        var (_, version, _) = await SendAsync(http, HttpMethod.Get, "subjects/points-value/versions/1", null, ct);
        Assert.Equal("points-value", (string?)version!["subject"]);
        Assert.Equal(1, (int)version["version"]!);
        Assert.Equal(id, (int)version["id"]!);
        Assert.Equal("Point", (string?)JsonNode.Parse((string)version["schema"]!)!["name"]);

        var (_, raw, _) = await SendAsync(http, HttpMethod.Get, $"schemas/ids/{id}/schema", null, ct);
        Assert.Equal("record", (string?)raw!["type"]);
        var (_, usages, _) = await SendAsync(http, HttpMethod.Get, $"schemas/ids/{id}/versions", null, ct);
        Assert.Equal("""[{"subject":"points-value","version":1}]""", usages!.ToJsonString());
        var (_, config, _) = await SendAsync(http, HttpMethod.Get, "config", null, ct);
        Assert.Equal("BACKWARD", (string?)config!["compatibilityLevel"]);
    }

    [Fact]
    public async Task Invalid_json_gives_error_code_400()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();

        var (status, body, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", "{\"schema\": ", ct);

        Assert.Equal(400, status);
        Assert.Equal(400, ErrorCode(body));
    }

    [Theory]
    [InlineData("{\"type\": \"record\", \"name\": \"Broken\"}")]
    [InlineData("{\"type\": \"nosuchtype\"}")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":\"seven\"}]}")]
    public async Task Invalid_schema_gives_error_code_42201(string schema)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();

        var (status, body, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(schema), ct);

        Assert.Equal(422, status);
        Assert.Equal(42201, ErrorCode(body));
        Assert.False(string.IsNullOrWhiteSpace((string?)body!["message"]));
    }

    [Fact]
    public async Task Unknown_subject_version_and_id_give_their_documented_error_codes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();
        await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(IntRecord), ct);

        var cases = new (HttpMethod Method, string Path, string? Body, int Status, int ErrorCode)[]
        {
            (HttpMethod.Get, "subjects/nobody/versions", null, 404, 40401),
            (HttpMethod.Get, "subjects/nobody/versions/latest", null, 404, 40401),
            (HttpMethod.Post, "subjects/nobody", SchemaBody(IntRecord), 404, 40401),
            (HttpMethod.Get, "subjects/points-value/versions/7", null, 404, 40402),
            (HttpMethod.Get, "subjects/points-value/versions/zero", null, 422, 42202),
            (HttpMethod.Get, "schemas/ids/999", null, 404, 40403),
            (HttpMethod.Post, "compatibility/subjects/points-value/versions/9", SchemaBody(IntRecord), 404, 40402),
            (HttpMethod.Get, "config/points-value", null, 404, 40408),
            (HttpMethod.Put, "config", """{"compatibility":"SIDEWAYS"}""", 422, 42203),
            (HttpMethod.Get, "no/such/route", null, 404, 404),
        };
        foreach (var (method, path, body, expectedStatus, expectedCode) in cases)
        {
            var (status, error, _) = await SendAsync(http, method, path, body, ct);
            Assert.True(expectedStatus == status && expectedCode == ErrorCode(error), $"{method} {path}: got {status} {error?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Verbose_compatibility_check_explains_the_incompatibility_without_registering()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();
        await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(IntRecord), ct);
        var withY = TestSchemas.Record("Point", """{"name":"x","type":"int"}""", """{"name":"y","type":"int"}""");

        var (status, body, _) = await SendAsync(
            http, HttpMethod.Post, "compatibility/subjects/points-value/versions/latest?verbose=true", SchemaBody(withY), ct);

        Assert.Equal(200, status);
        Assert.False((bool)body!["is_compatible"]!);
        Assert.Contains("Point.y", (string?)body["messages"]![0], StringComparison.Ordinal);
        var (_, versions, _) = await SendAsync(http, HttpMethod.Get, "subjects/points-value/versions", null, ct);
        Assert.Equal("[1]", versions!.ToJsonString());
    }

    [Fact]
    public async Task Backward_transitive_checks_every_earlier_version_not_only_the_latest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();
        var v1 = TestSchemas.Record("Point", """{"name":"x","type":"int"}""");
        var v2 = TestSchemas.Record("Point", """{"name":"x","type":"int"}""", """{"name":"y","type":"int","default":0}""");
        var v3 = TestSchemas.Record("Point", """{"name":"x","type":"int"}""", """{"name":"y","type":"int"}""");
        await SendAsync(http, HttpMethod.Put, "config/points-value", """{"compatibility":"BACKWARD_TRANSITIVE"}""", ct);
        await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(v1), ct);
        await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(v2), ct);

        var (transitive, refusal, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(v3), ct);
        await SendAsync(http, HttpMethod.Put, "config/points-value", """{"compatibility":"BACKWARD"}""", ct);
        var (latestOnly, _, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(v3), ct);

        Assert.Equal(409, transitive);
        Assert.Contains("version 1", (string?)refusal!["message"], StringComparison.Ordinal);
        Assert.Equal(200, latestOnly);
    }

    [Fact]
    public async Task Forward_compatibility_refuses_removing_a_field_the_old_schema_needs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();
        var v1 = TestSchemas.Record("Point", """{"name":"x","type":"int"}""", """{"name":"y","type":"int"}""");
        var withoutY = TestSchemas.Record("Point", """{"name":"x","type":"int"}""");
        await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(v1), ct);

        await SendAsync(http, HttpMethod.Put, "config/points-value", """{"compatibility":"FORWARD"}""", ct);
        var (forward, refusal, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(withoutY), ct);
        await SendAsync(http, HttpMethod.Put, "config/points-value", """{"compatibility":"BACKWARD"}""", ct);
        var (backward, _, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(withoutY), ct);

        Assert.Equal(409, forward);
        Assert.Contains("Point.y", (string?)refusal!["message"], StringComparison.Ordinal);
        Assert.Equal(200, backward);
    }

    [Fact]
    public async Task Deleting_a_subject_hides_it_but_keeps_its_schema_ids_readable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();
        var (_, registered, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody(IntRecord), ct);

        var (deleteStatus, deleted, _) = await SendAsync(http, HttpMethod.Delete, "subjects/points-value", null, ct);
        var (_, subjects, _) = await SendAsync(http, HttpMethod.Get, "subjects", null, ct);
        var (byIdStatus, _, _) = await SendAsync(http, HttpMethod.Get, $"schemas/ids/{(int)registered!["id"]!}", null, ct);
        var (permanentStatus, _, _) = await SendAsync(http, HttpMethod.Delete, "subjects/points-value?permanent=true", null, ct);
        var (_, afterPermanent, _) = await SendAsync(http, HttpMethod.Get, "subjects?deleted=true", null, ct);

        Assert.Equal(200, deleteStatus);
        Assert.Equal("[1]", deleted!.ToJsonString());
        Assert.Equal("[]", subjects!.ToJsonString());
        Assert.Equal(200, byIdStatus);
        Assert.Equal(200, permanentStatus);
        Assert.Equal("[]", afterPermanent!.ToJsonString());
    }
}
