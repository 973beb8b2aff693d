using System.Globalization;
using System.Text.Json;
using CartStream.Testing;

namespace CartStream.Pipeline.Tests;

/// <summary>A single-stage command monitored the way <c>run</c> is: ECS JSON log files, and <c>/metrics</c> when asked.</summary>
public sealed class StageCommandMonitoringTests
{
    [Fact]
    public async Task The_broker_command_logs_ECS_JSON_under_the_data_directory_and_serves_its_metrics_when_given_a_metrics_url()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("stage-monitoring");
        var metricsUrl = $"http://127.0.0.1:{FreePort.Next()}";
        using var broker = Cli.Start("broker", "--data-dir", data.Path, "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--metrics-urls", metricsUrl);
        await broker.WaitForLineAsync(l => l.StartsWith("bootstrap.servers=", StringComparison.Ordinal), TimeSpan.FromSeconds(60), ct);

        using var http = new HttpClient();
        var scrape = await http.GetStringAsync($"{metricsUrl}/metrics", ct);
        Assert.Contains("cartstream_broker_disk_utilization{", scrape, StringComparison.Ordinal);
        Assert.Contains("process_cpu_time_seconds_total{", scrape, StringComparison.Ordinal);
        Assert.Contains("service_name=\"cartstream-broker\"", scrape, StringComparison.Ordinal);

        // SIGTERM: the command stops the broker and flushes its log files on the way out.
        await broker.TerminateAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal(0, broker.ExitCode);
        var lines = Directory.GetFiles(Path.Combine(data.Path, "logs"), "cartstream-broker-*.json").SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var json = JsonDocument.Parse(line).RootElement;
            Assert.Equal("cartstream-broker", json.GetProperty("service.name").GetString());
            foreach (var field in new[] { "@timestamp", "log.level", "message", "ecs.version", "event.dataset" })
            {
                Assert.True(json.TryGetProperty(field, out _), $"{field} missing: {line}");
            }
        }

        Assert.Contains(lines, l => l.Contains("CartStream.Broker", StringComparison.Ordinal));
    }
}
