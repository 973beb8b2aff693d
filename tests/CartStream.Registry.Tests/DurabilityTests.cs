using Confluent.SchemaRegistry;
using ConfluentCompatibility = Confluent.SchemaRegistry.Compatibility;
using static CartStream.Registry.Tests.RegistryHttp;

namespace CartStream.Registry.Tests;

/// <summary>What a registry restart must keep: the ids clients have already written into messages.</summary>
public sealed class DurabilityTests
{
    private const string Subject = "sales-value";

    [Fact]
    public async Task Restart_keeps_ids_versions_and_compatibility_levels()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        int v1, v2, key;
        using (var client = registry.NewClient())
        {
            v1 = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));
            v2 = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV2, SchemaType.Avro));
            key = await client.RegisterSchemaAsync("sales-key", new Schema("\"string\"", SchemaType.Avro));
            await client.UpdateCompatibilityAsync(ConfluentCompatibility.Full, "sales-key");
        }

        await registry.RestartAsync(ct);

        using var after = registry.NewClient();
        Assert.Equal(v1, (await after.GetRegisteredSchemaAsync(Subject, 1)).Id);
        Assert.Equal(v2, (await after.GetLatestSchemaAsync(Subject)).Id);
        Assert.Contains("gift_wrap", (await after.GetSchemaAsync(v2)).SchemaString, StringComparison.Ordinal);
        Assert.Equal(key, await after.RegisterSchemaAsync("sales-key", new Schema("\"string\"", SchemaType.Avro)));
        Assert.Equal(ConfluentCompatibility.Full, await after.GetCompatibilityAsync("sales-key"));

        // A schema first seen after the restart gets an id no earlier schema had.
        var fresh = await after.RegisterSchemaAsync("other-value", new Schema("\"long\"", SchemaType.Avro));
        Assert.DoesNotContain(fresh, new[] { v1, v2, key });
    }

    [Fact]
    public async Task An_append_cut_off_by_a_crash_is_dropped_and_the_registry_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var http = registry.NewHttpClient();
        var (_, body, _) = await SendAsync(http, HttpMethod.Post, "subjects/points-value/versions", SchemaBody("\"int\""), ct);
        await registry.StopAsync();

        var log = Path.Combine(registry.DataDirectory, "registry", "registry.jsonl");
        await File.AppendAllTextAsync(log, """{"op":"version","id":1,"subj""", ct);
        await registry.RestartAsync(ct);

        using (var after = registry.NewHttpClient())
        {
            var (status, version, _) = await SendAsync(after, HttpMethod.Get, "subjects/points-value/versions/latest", null, ct);
            Assert.Equal(200, status);
            Assert.Equal((int)body!["id"]!, (int)version!["id"]!);
            var (next, _, _) = await SendAsync(after, HttpMethod.Post, "subjects/points-value/versions", SchemaBody("\"long\""), ct);
            Assert.Equal(200, next);
        }

        // The entry written after the cut must stand on its own line, or the next start would fail on it.
        await registry.RestartAsync(ct);
        using var again = registry.NewHttpClient();
        var (_, versions, _) = await SendAsync(again, HttpMethod.Get, "subjects/points-value/versions", null, ct);
        Assert.Equal("[1,2]", versions!.ToJsonString());
    }

    [Fact]
    public async Task A_second_registry_on_the_same_folder_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);

        await using var second = new SchemaRegistryServer(new SchemaRegistryOptions { DataDirectory = registry.DataDirectory, Port = 0 });
        var refused = await Assert.ThrowsAsync<IOException>(() => second.StartAsync(ct));

        Assert.Contains("another registry", refused.Message, StringComparison.Ordinal);
    }
}
