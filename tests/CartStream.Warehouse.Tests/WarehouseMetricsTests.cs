using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;

namespace CartStream.Warehouse.Tests;

/// <summary>The loader's instruments after a real load into DuckDB.</summary>
public sealed class WarehouseMetricsTests : IDisposable
{
    private readonly TempDirectory _dir = new("warehouse-metrics");
    private readonly LocalObjectStore _store;

    public WarehouseMetricsTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "lake"));
        _store = new LocalObjectStore(Path.Combine(_dir.Path, "lake"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_loaded_batch_counts_its_rows_by_table_and_records_how_long_the_load_took()
    {
        var ct = TestContext.Current.CancellationToken;
        var report = Assert.Single(await GeneratedLake.BuildAsync(_store, 300, ct, partitions: 1, recordsPerFile: 300, filesPerBatch: 8));
        using var recorder = new MeasurementRecorder("CartStream.Warehouse");
        var options = new WarehouseOptions
        {
            DuckDbPath = Path.Combine(_dir.Path, "warehouse", "cartstream.duckdb"),
            DuckDbMemoryLimit = "256MB",
            DuckDbThreads = 1,
            StagingDirectory = Path.Combine(_dir.Path, "staging"),
        };

        await using (var loader = await WarehouseLoader.OpenAsync(_store, options, cancellationToken: ct))
        {
            await loader.LoadPendingAsync(ct);
        }

        var rows = recorder.Measurements("cartstream.warehouse.rows_loaded");
        Assert.Contains(rows, m => m.Value == report.Facts && (string?)m.Tags["table"] == "fact_sales");
        Assert.Contains(rows, m => m.Value == report.Rejected && (string?)m.Tags["table"] == "rejected");
        Assert.Contains(recorder.Measurements("cartstream.warehouse.load.duration"), m => m.Value > 0 && (string?)m.Tags["backend"] == "DuckDb");
    }
}
