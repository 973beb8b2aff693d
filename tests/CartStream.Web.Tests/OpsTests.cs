using System.Text.Json;

namespace CartStream.Web.Tests;

/// <summary>The operations API: the process's instruments, its alerts and the ECS log files.</summary>
public sealed class OpsTests(DashboardServer server)
{
    [Fact]
    public async Task Operations_status_shows_the_stages_lag_rejects_and_freshness_the_process_emits()
    {
        var ops = await server.GetAsync("/api/ops");

        var stages = ops.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("total").GetDouble());
        Assert.Equal(PipelineInstruments.SinkRecords, stages["sink"]);
        Assert.Equal(PipelineInstruments.TransformRecords, stages["transform"]);
        Assert.Equal(PipelineInstruments.LagPartition0 + PipelineInstruments.LagPartition1, ops.GetProperty("consumerLag").GetDouble());
        Assert.Equal(["partition=0", "partition=1"], ops.GetProperty("lagByPartition").EnumerateArray().Select(s => s.GetProperty("series").GetString()));
        var rejects = ops.GetProperty("rejects").EnumerateArray().ToDictionary(s => s.GetProperty("series").GetString()!, s => s.GetProperty("value").GetDouble());
        Assert.Equal(PipelineInstruments.RejectedBadPrice, rejects["reason=bad_price"]);
        Assert.Equal(PipelineInstruments.RejectedNoCustomer, rejects["reason=no_customer"]);
        Assert.Equal(PipelineInstruments.Freshness, ops.GetProperty("freshnessSeconds").GetDouble());
    }

    [Fact]
    public async Task An_alert_rule_over_its_threshold_is_listed_as_firing_and_in_the_history()
    {
        var ops = await WaitForFiringAsync();

        var firing = Assert.Single(ops.GetProperty("firing").EnumerateArray());
        Assert.Equal(DashboardServer.AlertRule, firing.GetProperty("rule").GetString());
        Assert.Equal("175000", firing.GetProperty("value").GetString());
        Assert.Contains(ops.GetProperty("alertHistory").EnumerateArray(), e => e.GetProperty("rule").GetString() == DashboardServer.AlertRule && e.GetProperty("state").GetString() == "Firing");
    }

    [Fact]
    public async Task Recent_warnings_and_errors_come_from_every_service_log_file_and_filter_by_level_service_and_text()
    {
        await WaitForFiringAsync();
        var all = await server.GetAsync("/api/ops/logs");
        var errors = await server.GetAsync("/api/ops/logs?level=error");
        var web = await server.GetAsync("/api/ops/logs?service=cartstream-web");
        var text = await server.GetAsync("/api/ops/logs?q=disk%20full");

        Assert.Equal(["cartstream-sink", "cartstream-web"], all.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(Messages(all), m => m == "Writing sales-events failed");
        Assert.Contains(Messages(all), m => m == "Sink retrying the store");
        Assert.Contains(Messages(all), m => m.StartsWith("Alert firing: " + DashboardServer.AlertRule, StringComparison.Ordinal));
        Assert.Equal(["Writing sales-events failed"], Messages(errors));
        Assert.All(web.GetProperty("entries").EnumerateArray(), e => Assert.Equal("cartstream-web", e.GetProperty("service").GetString()));
        Assert.Equal(["Writing sales-events failed"], Messages(text));
    }

    private static List<string> Messages(JsonElement logs) =>
        [.. logs.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];

    private async Task<JsonElement> WaitForFiringAsync()
    {
        // The monitor evaluates every second; a generous deadline only bounds a broken run.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var ops = await server.GetAsync("/api/ops");
            if (ops.GetProperty("firing").GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return ops;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
