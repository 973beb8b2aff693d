using System.Text.Json;
using System.Text.Json.Nodes;
using CartStream.Testing;

namespace CartStream.Broker.Tests;

/// <summary>Runs tests/npm-kafka/kafka.js (kafkajs, a pure-JavaScript client) and parses its JSON lines.</summary>
internal static class KafkaJs
{
    public static string Folder => RepoPaths.NpmTools("npm-kafka");

    public static async Task<JsonNode> RunAsync(string command, object arguments, CancellationToken cancellationToken)
    {
        var result = await ExternalProcess.RunAsync("node", ["kafka.js", command, JsonSerializer.Serialize(arguments)],
            TimeSpan.FromSeconds(90), cancellationToken, workingDirectory: Folder);
        result.EnsureSuccess($"kafkajs {command}");
        var last = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonNode.Parse(last)!;
    }

    public static RunningProcess StartMember(object arguments) =>
        RunningProcess.Start("node", ["kafka.js", "member", JsonSerializer.Serialize(arguments)], Folder);
}
