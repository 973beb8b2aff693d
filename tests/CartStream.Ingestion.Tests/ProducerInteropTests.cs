using System.Text.Json;
using CartStream.Events;
using CartStream.Generator.Labels;
using CartStream.Generator.Rate;
using CartStream.Testing;

namespace CartStream.Ingestion.Tests;

public sealed class ProducerInteropTests(KafkaServers servers) : IClassFixture<KafkaServers>
{
    private const int Events = 100_000;

    [Fact]
    public async Task An_independent_client_decodes_every_event_with_the_schema_from_the_registry()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("interop");
        var run = Producing.Run(folder, Events, GenerationRate.Max);
        var result = await Producing.Runner(servers.BootstrapServers, servers.RegistryUrl, "interop").RunAsync(run, ct);

        Assert.Equal(Events, result.Acknowledged);
        Assert.Equal(0, result.Failed);

        var summary = await DecodeWithKafkaJsAsync("interop", ct);
        var labels = DefectLabel.ReadAll(run.LabelsPath).ToList();
        var notAvro = labels.Where(l => l.Defects.Contains(DefectCode.NotAvro)).Select(l => l.Seq).Order().ToList();
        var duplicates = labels.Where(l => l.Defects.Contains(DefectCode.DuplicateEvent)).Select(l => l.Seq).Order().ToList();

        Assert.NotEmpty(notAvro);
        Assert.NotEmpty(duplicates);
        Assert.Equal(Events, summary.GetProperty("messages").GetInt32());
        Assert.Equal(Events - notAvro.Count, summary.GetProperty("decoded").GetInt32());
        Assert.Equal(notAvro, Sequences(summary, "undecodable"));
        Assert.Equal(duplicates, Sequences(summary, "laterCopies"));
        Assert.Equal(Events - notAvro.Count - duplicates.Count, summary.GetProperty("uniqueEventIds").GetInt32());
    }

    private async Task<JsonElement> DecodeWithKafkaJsAsync(string topic, CancellationToken ct)
    {
        var tools = RepoPaths.NpmTools("npm-kafka");
        var arguments = JsonSerializer.Serialize(new
        {
            brokers = servers.BootstrapServers,
            topic,
            registry = servers.RegistryUrl,
            expected = Events,
        });
        var result = await ExternalProcess.RunAsync("node", ["decode-events.js", arguments], TimeSpan.FromMinutes(4), ct, workingDirectory: tools);
        result.EnsureSuccess("node decode-events.js");
        return JsonDocument.Parse(result.StandardOutput.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    private static List<long> Sequences(JsonElement summary, string property) =>
        summary.GetProperty(property).EnumerateArray().Select(e => e.GetInt64()).ToList();
}
