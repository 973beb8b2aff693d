using Confluent.SchemaRegistry;
using ConfluentCompatibility = Confluent.SchemaRegistry.Compatibility;

namespace CartStream.Registry.Tests;

/// <summary>The Confluent.SchemaRegistry .NET client, unmodified, against the embedded registry over HTTP.</summary>
public sealed class ConfluentClientTests
{
    private const string Subject = "sales-value";

    [Fact]
    public async Task Registered_schema_is_served_by_id_and_as_the_latest_version()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();

        var id = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));

        using var reader = registry.NewClient();
        var byId = await reader.GetSchemaAsync(id);
        var latest = await reader.GetLatestSchemaAsync(Subject);
        Assert.Equal(SchemaType.Avro, byId.SchemaType);
        Assert.Equal(Avro.Schema.Parse(TestSchemas.SalesEventV1), Avro.Schema.Parse(byId.SchemaString));
        Assert.Equal(id, latest.Id);
        Assert.Equal(1, latest.Version);
        Assert.Equal(Subject, latest.Subject);
        Assert.Equal(byId.SchemaString, latest.SchemaString);
    }

    [Fact]
    public async Task Registering_the_same_schema_again_returns_the_same_id_even_under_another_subject_or_spelling()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);

        using var first = registry.NewClient();
        var id = await first.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));
        using var second = registry.NewClient();
        var again = await second.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));
        var compact = Avro.Schema.Parse(TestSchemas.SalesEventV1).ToString();
        var otherSubject = await second.RegisterSchemaAsync("sales-archive-value", new Schema(compact, SchemaType.Avro));

        Assert.Equal(id, again);
        Assert.Equal(id, otherSubject);
        Assert.Equal([1], await second.GetSubjectVersionsAsync(Subject));
        Assert.Equal([1], await second.GetSubjectVersionsAsync("sales-archive-value"));
    }

    [Fact]
    public async Task Subjects_and_their_versions_are_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();

        var v1 = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));
        var v2 = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV2, SchemaType.Avro));
        await client.RegisterSchemaAsync("orders-key", new Schema("\"string\"", SchemaType.Avro));

        using var reader = registry.NewClient();
        Assert.Equal(["orders-key", Subject], (await reader.GetAllSubjectsAsync()).Order());
        Assert.Equal([1, 2], await reader.GetSubjectVersionsAsync(Subject));
        Assert.Equal(v1, (await reader.GetRegisteredSchemaAsync(Subject, 1)).Id);
        Assert.Equal(v2, (await reader.GetRegisteredSchemaAsync(Subject, 2)).Id);
        Assert.NotEqual(v1, v2);
    }

    [Fact]
    public async Task Sales_event_v2_with_an_optional_field_registers_under_backward_compatibility()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();
        await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));

        var v2 = new Schema(TestSchemas.SalesEventV2, SchemaType.Avro);
        Assert.Equal(ConfluentCompatibility.Backward, await client.GetCompatibilityAsync());
        Assert.True(await client.IsCompatibleAsync(Subject, v2));
        var id = await client.RegisterSchemaAsync(Subject, v2);

        var latest = await registry.NewClient().GetLatestSchemaAsync(Subject);
        Assert.Equal(2, latest.Version);
        Assert.Equal(id, latest.Id);
        Assert.Contains("gift_wrap", latest.SchemaString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_field_without_a_default_is_refused_with_a_message_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();
        await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));

        var required = new Schema(TestSchemas.SalesEventWithRequiredField, SchemaType.Avro);
        Assert.False(await client.IsCompatibleAsync(Subject, required));
        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync(Subject, required));

        Assert.Equal(409, refused.ErrorCode);
        Assert.Contains("loyalty_tier", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no default value", refused.Message, StringComparison.Ordinal);
        Assert.Equal([1], await client.GetSubjectVersionsAsync(Subject));
    }

    [Fact]
    public async Task A_field_changed_from_string_to_int_is_refused_with_a_message_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();
        await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));

        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(
            () => client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventWithCurrencyAsInt, SchemaType.Avro)));

        Assert.Equal(409, refused.ErrorCode);
        Assert.Contains("SalesEvent.currency", refused.Message, StringComparison.Ordinal);
        Assert.Contains("string", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_finds_the_version_a_schema_was_registered_as()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();
        await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));
        var id = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV2, SchemaType.Avro));

        using var reader = registry.NewClient();
        var found = await reader.LookupSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV2, SchemaType.Avro), ignoreDeletedSchemas: true, normalize: false);

        Assert.Equal(id, found.Id);
        Assert.Equal(2, found.Version);
        var missing = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            reader.LookupSchemaAsync(Subject, new Schema(TestSchemas.SalesEventWithRequiredField, SchemaType.Avro), true, false));
        Assert.Equal(40403, missing.ErrorCode);
    }

    [Fact]
    public async Task Compatibility_level_set_by_the_client_governs_later_registrations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        using var client = registry.NewClient();
        await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));

        Assert.Equal(ConfluentCompatibility.None, await client.UpdateCompatibilityAsync(ConfluentCompatibility.None, Subject));
        Assert.Equal(ConfluentCompatibility.None, await client.GetCompatibilityAsync(Subject));
        Assert.Equal(ConfluentCompatibility.Backward, await client.GetCompatibilityAsync());
        var id = await client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventWithRequiredField, SchemaType.Avro));

        Assert.Equal(ConfluentCompatibility.Full, await client.UpdateCompatibilityAsync(ConfluentCompatibility.Full));
        Assert.Equal(ConfluentCompatibility.Full, await registry.NewClient().GetCompatibilityAsync());
        Assert.Equal(2, (await client.GetLatestSchemaAsync(Subject)).Version);
        Assert.True(id > 0);
    }

    [Fact]
    public async Task Clients_registering_the_same_new_schema_at_once_all_get_one_id_and_one_version()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RunningRegistry.StartAsync(ct);
        var clients = Enumerable.Range(0, 8).Select(_ => registry.NewClient()).ToList();

        var ids = await Task.WhenAll(clients.Select(client =>
            client.RegisterSchemaAsync(Subject, new Schema(TestSchemas.SalesEventV1, SchemaType.Avro))));

        Assert.Single(ids.Distinct());
        Assert.Equal([1], await clients[0].GetSubjectVersionsAsync(Subject));
        clients.ForEach(client => client.Dispose());
    }
}
