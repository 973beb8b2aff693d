using System.Diagnostics;
using System.Globalization;
using CartStream.Testing;

namespace CartStream.Web.Tests;

/// <summary>The operations page of a real bounded run (<c>cartstream run --urls</c>), in a real browser.</summary>
public sealed class OpsDuringRunTests
{
    private const int Events = 3_000;

    [Fact]
    public async Task While_a_bounded_run_goes_the_operations_page_shows_the_counters_its_metrics_endpoint_shows_and_a_freshness_within_the_run()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("ops-run");
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var started = Stopwatch.StartNew();
        // 150 events/s: the run takes 20 s, so it is still producing while the page is read.
        using var run = Cli.Start(
            new Dictionary<string, string> { ["CARTSTREAM_Web__RefreshSeconds"] = "1", ["CARTSTREAM_Web__SampleInterval"] = "00:00:00.500" },
            "run", "--events", Events.ToString(CultureInfo.InvariantCulture), "--rate", "150", "--seed", "11", "--data-dir", data.Path, "--urls", url, "--json");
        using var http = new HttpClient();
        var metrics = $"{url}/metrics";

        // Every stage has moved and a batch is queryable: every number of the page is there to compare.
        var first = await WaitForAsync(http, metrics, m =>
            m.Sum("cartstream_produce_records_total") > 0 && m.Sum("cartstream_sink_records_total") > 0 &&
            m.Sum("cartstream_transform_records_total") > 0 && m.Has("cartstream_pipeline_freshness_seconds"), run, ct);

        await using var browser = await Browser.OpenAsync();
        await browser.Page.GotoAsync($"{url}/ops");
        await browser.WaitForRefreshAsync();

        // The counters only grow: a page refresh that starts after one scrape and ends before another shows values
        // between the two. Two refreshes after the first scrape, the later one started after it.
        var before = await PrometheusText.ScrapeAsync(http, metrics, ct);
        var loaded = int.Parse(await browser.Page.EvaluateAsync<string>("() => document.body.dataset.loaded || '0'"), CultureInfo.InvariantCulture);
        await browser.WaitForRefreshAsync(loaded + 2);
        var stages = (await browser.ColumnAsync("throughput", "stage"))
            .Zip(await browser.ColumnAsync("throughput", "total"), (stage, total) => (stage, total: double.Parse(total, CultureInfo.InvariantCulture)))
            .ToDictionary(s => s.stage, s => s.total);
        var rejects = (double)await browser.TileAsync("rejects");
        var freshness = (double)await browser.TileAsync("freshness");
        // A dashboard query, so the warehouse's query latency has a sample.
        (await http.GetAsync($"{url}/api/kpis", ct)).EnsureSuccessStatusCode();
        // The exporter may answer from a response it cached for up to 300 ms: scrape again once that has passed.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var after = await PrometheusText.ScrapeAsync(http, metrics, ct);

        Assert.Equal(["produce", "sink", "transform"], stages.Keys.Order(StringComparer.Ordinal));
        AssertBetween("produce", stages["produce"], before.Sum("cartstream_produce_records_total"), after.Sum("cartstream_produce_records_total"));
        AssertBetween("sink", stages["sink"], before.Sum("cartstream_sink_records_total"), after.Sum("cartstream_sink_records_total"));
        AssertBetween("transform", stages["transform"], before.Sum("cartstream_transform_records_total"), after.Sum("cartstream_transform_records_total"));
        AssertBetween("rejects", rejects,
            before.Sum("cartstream_transform_rejected_total") + before.Sum("cartstream_sink_dead_letters_total"),
            after.Sum("cartstream_transform_rejected_total") + after.Sum("cartstream_sink_dead_letters_total"));
        Assert.True(after.Sum("cartstream_produce_records_total") < Events, "the run had finished producing before the page was read");
        Assert.True(first.Sum("cartstream_produce_records_total") <= before.Sum("cartstream_produce_records_total"));

        // Freshness: from a raw file landing in this run's lake to its rows being queryable, so more than nothing
        // and less than the run has been going.
        var reported = after.Sum("cartstream_pipeline_freshness_seconds");
        Assert.InRange(reported, double.Epsilon, started.Elapsed.TotalSeconds);
        Assert.InRange(freshness, double.Epsilon, started.Elapsed.TotalSeconds);
        // End to end, from the producer sending to queryable: each loaded file has a sample, none older than the run.
        var samples = after.Sum("cartstream_pipeline_end_to_end_duration_seconds_count");
        Assert.True(samples >= 1, "no end-to-end latency sample");
        Assert.InRange(after.Sum("cartstream_pipeline_end_to_end_duration_seconds_sum") / samples, double.Epsilon, started.Elapsed.TotalSeconds);
        // The warehouse side of the same endpoint: its file on disk and the query just made.
        Assert.True(after.Sum("cartstream_warehouse_database_size_bytes") > 0, "no warehouse size reported");
        Assert.True(after.Sum("cartstream_warehouse_query_duration_seconds_count") >= 1, "the dashboard query was not timed");
        Assert.Empty(browser.Errors);
    }

    private static void AssertBetween(string what, double page, double before, double after) =>
        Assert.True(before <= page && page <= after, $"{what}: the page showed {page}, /metrics {before} before and {after} after");

    private static async Task<PrometheusText> WaitForAsync(HttpClient http, string url, Func<PrometheusText, bool> ready, RunningProcess run, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            Assert.False(run.HasExited, $"run exited {(run.HasExited ? run.ExitCode : 0)} before its dashboards showed every stage");
            try
            {
                var scrape = await PrometheusText.ScrapeAsync(http, url, wait.Token);
                if (ready(scrape))
                {
                    return scrape;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the dashboards start once the warehouse is open.
            }

            await Task.Delay(250, wait.Token);
        }
    }
}
