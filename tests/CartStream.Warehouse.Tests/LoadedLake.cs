using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Tests;

/// <summary>One generated, transformed lake (about three days of sales) shared by the query tests of a class.</summary>
public sealed class LoadedLake : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("warehouse-queries");

    public string Lake => Path.Combine(_dir.Path, "lake");

    public LocalObjectStore Store { get; private set; } = null!;

    internal ParquetExpectations Expected => new(Lake);

    /// <summary>The whole dataset, and a narrow slice: two days, the busiest country, category and channel.</summary>
    public IReadOnlyList<QueryFilter> Filters { get; private set; } = [];

    public WarehouseOptions DuckDbOptions => new()
    {
        DuckDbPath = Path.Combine(_dir.Path, "warehouse.duckdb"), DuckDbMemoryLimit = "256MB", DuckDbThreads = 1,
        StagingDirectory = Path.Combine(_dir.Path, "staging"),
    };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Lake);
        Store = new LocalObjectStore(Lake);
        await GeneratedLake.BuildAsync(Store, 3_000, TestContext.Current.CancellationToken, recordsPerFile: 200, filesPerBatch: 4, eventsPerDay: 1_000);
        var all = new QueryFilter(new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1));
        var country = Expected.RevenueByPlace(all).GroupBy(p => p.Country).MaxBy(g => g.Sum(p => p.Revenue))!.Key;
        var category = Expected.TopCategories(all, 1).Single().Key;
        var channel = Expected.Mix("sales_channel", all).First().Name;
        Filters =
        [
            all,
            new QueryFilter(new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 4), country, category, channel),
            // A slice that still has every category (the per-category questions group under it).
            new QueryFilter(new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 4), country),
        ];
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
