using System.Text.RegularExpressions;
using CartStream.Testing;
using Confluent.SchemaRegistry;

namespace CartStream.Registry.Tests;

/// <summary><c>cartstream registry</c> as a user runs it: a separate process that prints its URL and serves clients.</summary>
public sealed partial class RegistryCommandTests
{
    [Fact]
    public async Task Registry_command_prints_its_url_serves_clients_and_stops_on_sigterm_keeping_its_data()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("registry-cli");
        var port = FreePort.Next();

        int id;
        using (var command = Cli.Start("registry", "--data-dir", data.Path, "--port", $"{port}"))
        {
            var line = await command.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60), ct);
            var url = UrlPattern().Match(line).Value;
            Assert.Equal($"http://127.0.0.1:{port}/", url);

            using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = url });
            id = await client.RegisterSchemaAsync("sales-value", new Schema(TestSchemas.SalesEventV1, SchemaType.Avro));

            (await ExternalProcess.RunAsync("kill", ["-TERM", $"{command.Id}"], TimeSpan.FromSeconds(10), ct)).EnsureSuccess("kill -TERM");
            Assert.Equal(0, await command.WaitForExitAsync(TimeSpan.FromSeconds(30), ct));
        }

        await using var restarted = new SchemaRegistryServer(new SchemaRegistryOptions { DataDirectory = data.Path, Port = 0 });
        await restarted.StartAsync(ct);
        using var reader = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = restarted.Url.ToString() });
        Assert.Equal(id, (await reader.GetLatestSchemaAsync("sales-value")).Id);
    }

    [GeneratedRegex(@"http://[^\s]+/")]
    private static partial Regex UrlPattern();
}
