using System.Diagnostics;
using System.Globalization;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Warehouse;
using CartStream.Warehouse.Queries;
using CartStream.Web;
using Microsoft.Playwright;

// Dashboards benchmark: N generated events -> lake -> transform -> DuckDB, then the web app on a free port:
// p50/p95 latency of every API endpoint (sequential requests after a warm-up) and the time from navigation to the
// first full render of each page in headless chromium. Usage: CartStream.Web.Benchmark [events] [requests]
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
using var dir = new TempDirectory("web-bench");
var lake = dir.Combine("lake");
Directory.CreateDirectory(lake);
var warehouse = new WarehouseOptions { DuckDbPath = dir.Combine("warehouse.duckdb"), DuckDbMemoryLimit = "1GB", DuckDbThreads = 2, StagingDirectory = dir.Combine("staging") };
var clock = Stopwatch.StartNew();
using (var store = new LocalObjectStore(lake))
{
    await GeneratedLake.BuildAsync(store, events, CancellationToken.None, partitions: 4, recordsPerFile: 50_000, filesPerBatch: 8, eventsPerDay: 50_000);
    Console.Error.WriteLine($"lake built in {clock.Elapsed.TotalSeconds:F0} s");
    clock.Restart();
    await using var loader = await WarehouseLoader.OpenAsync(store, warehouse);
    var summary = await loader.LoadPendingAsync();
    Console.Error.WriteLine($"loaded {summary.Facts} facts in {clock.Elapsed.TotalSeconds:F0} s");
}

var url = $"http://127.0.0.1:{FreePort.Next()}";
await using var app = WebApp.Build(new WebAppOptions { Urls = url, MaxQueryConnections = 2 }, async ct => await WarehouseQueries.OpenAsync(warehouse, ct), alerting: false);
await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(url) };
var filters = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/filters")).RootElement;
var last = filters.GetProperty("lastDay").GetString();
var first = DateOnly.Parse(last!, CultureInfo.InvariantCulture).AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var range = $"from={first}&to={last}";
string[] endpoints =
[
    $"/api/kpis?{range}", $"/api/trend?{range}", $"/api/top-products?{range}", $"/api/top-categories?{range}", $"/api/geography?{range}",
    $"/api/payment-mix?{range}", $"/api/channel-mix?{range}", $"/api/customers?{range}", $"/api/reject-rate?{range}",
    $"/api/whatif?{range}&priceChange=5&elasticity=-1.2", $"/api/ops", $"/api/ops/logs",
];
Console.WriteLine("| endpoint | p50 ms | p95 ms |");
Console.WriteLine("| --- | --- | --- |");
foreach (var endpoint in endpoints)
{
    for (var i = 0; i < 3; i++)
    {
        (await http.GetAsync(endpoint)).EnsureSuccessStatusCode();
    }

    var times = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(endpoint);
        await response.Content.ReadAsByteArrayAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"| `{endpoint.Split('?')[0]}` | {times[times.Count / 2]:F1} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F1} |");
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
Console.WriteLine();
Console.WriteLine("| page | first full render ms (median of 5) |");
Console.WriteLine("| --- | --- |");
foreach (var page in new[] { "/", "/whatif", "/ops" })
{
    var renders = new List<double>();
    for (var i = 0; i < 6; i++)
    {
        var tab = await browser.NewPageAsync();
        var watch = Stopwatch.StartNew();
        await tab.GotoAsync(url + page);
        await tab.WaitForFunctionAsync("() => Number(document.body.dataset.loaded || 0) >= 1", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        if (i > 0)
        {
            renders.Add(watch.Elapsed.TotalMilliseconds);
        }

        await tab.CloseAsync();
    }

    renders.Sort();
    Console.WriteLine($"| `{page}` | {renders[renders.Count / 2]:F0} |");
}

await app.StopAsync();
