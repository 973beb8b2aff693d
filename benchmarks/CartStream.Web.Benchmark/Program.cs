using System.Diagnostics;
using System.Globalization;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Warehouse;
using CartStream.Warehouse.Queries;
using CartStream.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

// Dashboards benchmark: N generated events -> lake -> transform -> DuckDB, then the web app on a free port:
// p50/p95 latency of every API endpoint (sequential requests after a warm-up) and the time from navigation to the
// first full render of each page in headless chromium. Usage: CartStream.Web.Benchmark [events] [requests] [folder]
// With a folder, the lake and warehouse are kept there and a warehouse already built for the same size is reused.
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
using var temp = args.Length > 2 ? null : new TempDirectory("web-bench");
var root = args.Length > 2 ? Path.GetFullPath(args[2]) : temp!.Path;
var lake = Path.Combine(root, "lake");
Directory.CreateDirectory(lake);
var warehouse = new WarehouseOptions { DuckDbPath = Path.Combine(root, "warehouse.duckdb"), DuckDbMemoryLimit = "1GB", DuckDbThreads = 2, StagingDirectory = Path.Combine(root, "staging") };
var built = Path.Combine(root, "built");
var clock = Stopwatch.StartNew();
if (File.Exists(built) && File.ReadAllText(built).Trim() == events.ToString(CultureInfo.InvariantCulture))
{
    Console.Error.WriteLine($"reusing the warehouse of {events} events in {root}");
}
else
{
    foreach (var stale in new[] { lake, warehouse.StagingDirectory })
    {
        if (Directory.Exists(stale))
        {
            Directory.Delete(stale, recursive: true);
        }
    }

    File.Delete(warehouse.DuckDbPath);
    File.Delete(warehouse.DuckDbPath + ".wal");
    Directory.CreateDirectory(lake);
    using var store = new LocalObjectStore(lake);
    // At least 50,000 events a day, more for large sizes so the simulated days end before the transform's clock
    // (GeneratedLake.ProcessingTime): later events would be rejected as future-dated.
    var perDay = Math.Max(50_000, (int)Math.Ceiling(events / 145.0));
    await GeneratedLake.BuildAsync(store, events, CancellationToken.None, partitions: 4, recordsPerFile: 50_000, filesPerBatch: 8, eventsPerDay: perDay);
    Console.Error.WriteLine($"lake built in {clock.Elapsed.TotalSeconds:F0} s");
    clock.Restart();
    await using (var loader = await WarehouseLoader.OpenAsync(store, warehouse))
    {
        var summary = await loader.LoadPendingAsync();
        Console.Error.WriteLine($"loaded {summary.Facts} facts in {clock.Elapsed.TotalSeconds:F0} s");
    }

    await File.WriteAllTextAsync(built, events.ToString(CultureInfo.InvariantCulture));
}

// Request logging to the console would be timed with every request.
var quiet = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }).Build();
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});

// Once with the response cache off (every request asks the warehouse: the latency of the queries themselves), then
// with it on as shipped (repeated requests for the same filters answered from memory after a data-version check).
var results = new List<(string Mode, Dictionary<string, (double First, double P50, double P95)> Endpoints, Dictionary<string, (double Outside, double Inside)> Pages)>();
foreach (var (mode, cache) in new[] { ("cache off", TimeSpan.Zero), ("cache on", new WebAppOptions().ResponseCacheDuration) })
{
    var url = $"http://127.0.0.1:{FreePort.Next()}";
    await using var app = WebApp.Build(
        new WebAppOptions { Urls = url, MaxQueryConnections = 2, ResponseCacheDuration = cache }, async ct => await WarehouseQueries.OpenAsync(warehouse, ct), quiet, alerting: false);
    await app.StartAsync();
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    var catalog = Stopwatch.StartNew();
    var filters = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/filters")).RootElement;
    Console.Error.WriteLine($"{mode}: first /api/filters (opens a connection, reads the catalog) {catalog.Elapsed.TotalMilliseconds:F0} ms");
    var last = filters.GetProperty("lastDay").GetString();
    var first = DateOnly.Parse(last!, CultureInfo.InvariantCulture).AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var range = $"from={first}&to={last}";
    string[] endpoints =
    [
        $"/api/kpis?{range}", $"/api/trend?{range}", $"/api/top-products?{range}", $"/api/top-categories?{range}", $"/api/geography?{range}",
        $"/api/payment-mix?{range}", $"/api/channel-mix?{range}", $"/api/customers?{range}", $"/api/reject-rate?{range}",
        $"/api/whatif?{range}&priceChange=5&elasticity=-1.2", $"/api/filters", $"/api/ops", $"/api/ops/logs",
    ];
    var measured = new Dictionary<string, (double, double, double)>();
    foreach (var endpoint in endpoints)
    {
        var cold = await TimeAsync(http, endpoint);
        for (var i = 0; i < 2; i++)
        {
            await TimeAsync(http, endpoint);
        }

        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            times.Add(await TimeAsync(http, endpoint));
        }

        times.Sort();
        measured[endpoint.Split('?')[0]] = (cold, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }

    var pages = new Dictionary<string, (double Outside, double Inside)>();
    foreach (var page in new[] { "/", "/whatif", "/ops" })
    {
        var renders = new List<double>();
        var inside = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var tab = await browser.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await tab.GotoAsync(url + page);
            // The page's own clock: from its navigation start to the poll that sees the first full refresh (a frame late at most).
            var seen = await tab.WaitForFunctionAsync(
                "() => Number(document.body.dataset.loaded || 0) >= 1 ? performance.now() : 0", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            if (i > 0)
            {
                renders.Add(watch.Elapsed.TotalMilliseconds);
                inside.Add(await seen.JsonValueAsync<double>());
            }

            await tab.CloseAsync();
        }

        renders.Sort();
        inside.Sort();
        pages[page] = (renders[renders.Count / 2], inside[inside.Count / 2]);
    }

    results.Add((mode, measured, pages));
    await app.StopAsync();
}

Console.WriteLine($"| endpoint | {string.Join(" | ", results.Select(r => $"{r.Mode}: first, p50, p95 ms"))} |");
Console.WriteLine($"| --- | {string.Join(" | ", results.Select(_ => "---"))} |");
foreach (var endpoint in results[0].Endpoints.Keys)
{
    Console.WriteLine($"| `{endpoint}` | {string.Join(" | ", results.Select(r => $"{r.Endpoints[endpoint].First:F1}, {r.Endpoints[endpoint].P50:F1}, {r.Endpoints[endpoint].P95:F1}"))} |");
}

Console.WriteLine();
Console.WriteLine($"| page | {string.Join(" | ", results.Select(r => $"{r.Mode}: first full render ms, from the harness / in the page (median of 5)"))} |");
Console.WriteLine($"| --- | {string.Join(" | ", results.Select(_ => "---"))} |");
foreach (var page in results[0].Pages.Keys)
{
    Console.WriteLine($"| `{page}` | {string.Join(" | ", results.Select(r => $"{r.Pages[page].Outside:F0} / {r.Pages[page].Inside:F0}"))} |");
}

static async Task<double> TimeAsync(HttpClient http, string endpoint)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync(endpoint);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
    return watch.Elapsed.TotalMilliseconds;
}
