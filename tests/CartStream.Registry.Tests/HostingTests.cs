using CartStream.Testing;
using Confluent.SchemaRegistry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartStream.Registry.Tests;

/// <summary>The registry inside a generic host, configured from the <c>SchemaRegistry</c> section.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Registry_configured_from_the_schema_registry_section_serves_clients_while_the_host_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("registry-host");
        var port = FreePort.Next();
        using var host = BuildHost(new()
        {
            ["SchemaRegistry:DataDirectory"] = data.Path,
            ["SchemaRegistry:Port"] = $"{port}",
            ["SchemaRegistry:DefaultCompatibility"] = "Full",
        });

        await host.StartAsync(ct);
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = $"http://127.0.0.1:{port}" });
        var id = await client.RegisterSchemaAsync("sales-value", new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));
        var level = await client.GetCompatibilityAsync();
        await host.StopAsync(ct);

        Assert.Equal(1, id);
        Assert.Equal(Confluent.SchemaRegistry.Compatibility.Full, level);
        Assert.True(File.Exists(Path.Combine(data.Path, "registry", "registry.jsonl")));
    }

    [Fact]
    public async Task An_out_of_range_port_fails_the_host_start_naming_the_setting()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("registry-host");
        using var host = BuildHost(new() { ["SchemaRegistry:DataDirectory"] = data.Path, ["SchemaRegistry:Port"] = "70000" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));

        Assert.Contains("Port", failure.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSchemaRegistry();
        return builder.Build();
    }
}
