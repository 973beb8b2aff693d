using System.Diagnostics.Metrics;
using CartStream.Monitoring.Metrics;

namespace CartStream.Monitoring.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task The_metrics_endpoint_serves_our_instruments_and_the_process_cpu_memory_and_gc_in_Prometheus_format()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..8];
        using var meter = new Meter($"CartStream.Tests.{id}");
        var records = meter.CreateCounter<long>($"cartstream.test_{id}.records", "{record}", "Records for the test.");
        await using var server = await MetricsServer.StartAsync("cartstream-test", port: 0, cancellationToken: ct);
        records.Add(42);
        records.Add(8);
        meter.CreateGauge<double>($"cartstream.test_{id}.freshness", "s").Record(12.5);
        meter.CreateGauge<double>($"cartstream.test_{id}.disk.utilization", "1").Record(0.25);

        using var http = new HttpClient();
        var text = await http.GetStringAsync(server.Url, ct);

        Assert.Contains($"cartstream_test_{id}_records_total{{", text, StringComparison.Ordinal);
        Assert.Contains("} 50", text[text.IndexOf($"cartstream_test_{id}_records_total{{", StringComparison.Ordinal)..], StringComparison.Ordinal);
        // The names docs/operations.md and deploy/prometheus rely on: unit s adds _seconds, unit 1 adds nothing.
        Assert.Contains($"cartstream_test_{id}_freshness_seconds{{", text, StringComparison.Ordinal);
        Assert.Contains($"cartstream_test_{id}_disk_utilization{{", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_cpu_time_seconds_total counter", text, StringComparison.Ordinal);
        Assert.Contains("process_memory_usage_bytes", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);
    }
}
