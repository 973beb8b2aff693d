using System.Text.Json;
using CartStream.Testing;

namespace CartStream.Pipeline.Tests;

/// <summary>The <c>run</c> and <c>verify</c> commands as a user runs them, on a test's own data directory.</summary>
internal static class PipelineCli
{
    /// <summary>Generous: the machine running the suite may be busy with other test projects.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static string[] RunArguments(string dataDir, int events) =>
        ["run", "--events", events.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rate", "max", "--seed", "7", "--data-dir", dataDir, "--json"];

    public static async Task<JsonElement> RunAsync(string dataDir, int events, CancellationToken ct)
    {
        var result = await Cli.RunAsync(Timeout, ct, RunArguments(dataDir, events));
        Assert.True(result.ExitCode == 0, $"run exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    public static Task<ProcessResult> VerifyAsync(string dataDir, CancellationToken ct) =>
        Cli.RunAsync(Timeout, ct, "verify", "--data-dir", dataDir, "--max-listed", "100000");
}
