using System.Text.Json;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Warehouse;
using CartStream.Warehouse.Queries;

namespace CartStream.Web.Tests;

/// <summary>
/// Answers kept by the response cache never outlive a load: a server of its own over a copy of the shared server's
/// lake (copied, not generated again: the transform's instruments would show on the shared operations page),
/// loaded while it serves.
/// </summary>
public sealed class LiveDataTests(DashboardServer server)
{
    [Fact]
    public async Task A_load_that_commits_while_the_dashboards_serve_shows_in_the_next_request_for_the_same_filters()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("web-live");
        var lake = dir.Combine("lake");
        foreach (var file in Directory.EnumerateFiles(server.Lake, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(lake, Path.GetRelativePath(server.Lake, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var warehouse = new WarehouseOptions
        {
            DuckDbPath = dir.Combine("warehouse.duckdb"), DuckDbMemoryLimit = "256MB", DuckDbThreads = 1, StagingDirectory = dir.Combine("staging"),
        };
        using var store = new LocalObjectStore(lake);
        var reports = Directory.GetFiles(Path.Combine(lake, "DWH", "quality"), "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(reports.Count >= 2, "the lake needs a second batch to load later");
        await using (var first = await WarehouseLoader.OpenAsync(store, warehouse, cancellationToken: ct))
        {
            await first.LoadBatchAsync("DWH/quality/" + Path.GetFileName(reports[0]), ct);
        }

        var url = $"http://127.0.0.1:{FreePort.Next()}";
        await using var app = WebApp.Build(new WebAppOptions { Urls = url }, async token => await WarehouseQueries.OpenAsync(warehouse, token), alerting: false);
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var sql = server.Sql;
        var slice = new Slice(server.FirstDay, server.LastDay);
        async Task<(decimal Revenue, string Products)> ReadAsync()
        {
            var kpis = JsonDocument.Parse(await http.GetStringAsync("/api/kpis?" + slice.Query, ct)).RootElement;
            var products = await http.GetStringAsync("/api/top-products?limit=100&" + slice.Query, ct);
            return (Api.Tile(kpis, "revenue").GetProperty("value").GetDecimal(), products);
        }

        var before = await ReadAsync();
        Assert.Equal(before, await ReadAsync());

        await using (var rest = await WarehouseLoader.OpenAsync(store, warehouse, cancellationToken: ct))
        {
            await rest.LoadPendingAsync(ct);
        }

        var after = await ReadAsync();
        Assert.Equal(sql.Sum(slice).Revenue, after.Revenue);
        Assert.True(after.Revenue > before.Revenue, $"revenue {after.Revenue} after the load, {before.Revenue} before");
        var products = JsonDocument.Parse(after.Products).RootElement.EnumerateArray()
            .Select(e => new IndependentSql.Row(e.GetProperty("key").GetString()!, e.GetProperty("revenue").GetDecimal(), e.GetProperty("units").GetInt64())).ToList();
        Assert.Equal(sql.TopProducts(slice, 100), products);
        await app.StopAsync(ct);
    }
}
