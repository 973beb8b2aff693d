using CartStream.Lake.Storage;
using CartStream.Monitoring.Logging;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Warehouse;
using CartStream.Warehouse.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(CartStream.Web.Tests.DashboardServer))]

namespace CartStream.Web.Tests;

/// <summary>
/// One generated dataset (three days of sales), transformed into the lake, loaded into DuckDB, served by the web
/// app on a free loopback port with its logs in a temp folder and one quick alert rule. Shared by every test.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    /// <summary>The alert rule the server evaluates every second: consumer lag above 100,000.</summary>
    public const string AlertRule = "TestLagHigh";

    private readonly TempDirectory _dir = new("web");
    private WebApplication? _app;

    public string Lake => _dir.Combine("lake");

    public string Logs => _dir.Combine("logs");

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public IndependentSql Sql => new(Lake);

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Lake);
        using (var store = new LocalObjectStore(Lake))
        {
            await GeneratedLake.BuildAsync(store, 3_000, ct, recordsPerFile: 200, filesPerBatch: 4, eventsPerDay: 1_000);
            await using var loader = await WarehouseLoader.OpenAsync(store, Warehouse, cancellationToken: ct);
            await loader.LoadPendingAsync(ct);
        }

        (FirstDay, LastDay) = Sql.Days();
        using (var sink = CartStreamLogging.CreateFactory("cartstream-sink", Logs, new LogFileOptions { Console = false }))
        {
            var logger = sink.CreateLogger("CartStream.Lake.Sink");
#pragma warning disable CA1848, CA2254 // A test writes one plain line of another service's log.
            logger.LogError(new IOException("disk full"), "Writing sales-events failed");
            logger.LogWarning("Sink retrying the store");
#pragma warning restore CA1848, CA2254
        }

        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:Alerts:EvaluationInterval"] = "00:00:01",
            ["Monitoring:Alerts:UseDefaultRules"] = "false",
            ["Monitoring:Alerts:Rules:0:Name"] = AlertRule,
            ["Monitoring:Alerts:Rules:0:Metric"] = "cartstream.sink.consumer_lag",
            ["Monitoring:Alerts:Rules:0:Threshold"] = "100000",
            ["Monitoring:Alerts:Rules:0:Severity"] = "warning",
        }).Build();
        var options = new WebAppOptions { Urls = BaseUrl, LogDirectory = Logs, RefreshSeconds = 2, SampleInterval = TimeSpan.FromMilliseconds(500) };
        _app = WebApp.Build(options, async token => await WarehouseQueries.OpenAsync(Warehouse, token), configuration);
        await _app.StartAsync(ct);
        PipelineInstruments.Emit();
    }

    private WarehouseOptions Warehouse => new()
    {
        DuckDbPath = _dir.Combine("warehouse.duckdb"), DuckDbMemoryLimit = "256MB", DuckDbThreads = 1, StagingDirectory = _dir.Combine("staging"),
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        Http.Dispose();
        _dir.Dispose();
    }
}
