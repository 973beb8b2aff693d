using System.Text.Json;
using CartStream.Testing;

namespace CartStream.Pipeline.Tests;

public sealed class RunLoggingTests
{
    [Fact]
    public async Task Run_writes_its_log_as_ECS_JSON_lines_under_the_data_directory_and_keeps_stdout_for_the_summary()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("pipeline-logs");

        var summary = await PipelineCli.RunAsync(data.Path, 2000, ct);

        Assert.Equal("complete", summary.GetProperty("outcome").GetString());
        var files = Directory.GetFiles(Path.Combine(data.Path, "logs"), "cartstream-run-*.json");
        Assert.NotEmpty(files);
        var lines = files.SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var json = JsonDocument.Parse(line).RootElement;
            Assert.Equal("cartstream-run", json.GetProperty("service.name").GetString());
            Assert.True(json.TryGetProperty("@timestamp", out _), line);
            Assert.True(json.TryGetProperty("log.level", out _), line);
            Assert.True(json.TryGetProperty("ecs.version", out _), line);
            Assert.True(json.TryGetProperty("message", out _), line);
        }

        // The stages and the alert monitor log into the same file.
        Assert.Contains(lines, l => l.Contains("CartStream.Lake.Sink", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("AlertMonitor", StringComparison.Ordinal));
    }
}
