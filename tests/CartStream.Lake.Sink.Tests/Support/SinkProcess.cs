using CartStream.Ingestion.Tests;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>Starts <c>cartstream sink</c> as its own process, configured through the environment like a deployment.</summary>
public static class SinkProcess
{
    /// <summary>Starts the sink on <paramref name="topic"/> and waits until it says it runs.</summary>
    public static async Task<RunningProcess> StartAsync(
        KafkaServers servers, string dataDir, string topic, IReadOnlyDictionary<string, string>? storage, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            ["CARTSTREAM_Lake__Sink__GroupId"] = $"sink-{topic}",
            ["CARTSTREAM_Lake__Sink__MaxFileAge"] = "00:00:00.300",
            ["CARTSTREAM_Lake__Sink__MaxRecordsPerFile"] = "2000",
            ["CARTSTREAM_Lake__Sink__FilesTopic"] = $"{topic}.files",
            // A killed member is noticed after this; a shorter session keeps the restarts quick.
            ["CARTSTREAM_Kafka__Consumer__session.timeout.ms"] = "3000",
        };
        foreach (var (key, value) in storage ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var sink = Cli.Start(environment, "sink", "--data-dir", dataDir, "--bootstrap-servers", servers.BootstrapServers, "--registry-url", servers.RegistryUrl, "--topic", topic);
        await sink.WaitForLineAsync(l => l.StartsWith("sink: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), ct);
        return sink;
    }
}
