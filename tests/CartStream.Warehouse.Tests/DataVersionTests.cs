using CartStream.Testing;
using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Tests;

/// <summary>The data version the dashboards' response cache is keyed by, on both backends.</summary>
public sealed class DataVersionTests(LoadedLake lake) : IClassFixture<LoadedLake>
{
    [Theory]
    [InlineData(WarehouseBackend.DuckDb)]
    [InlineData(WarehouseBackend.Postgres)]
    public async Task The_data_version_changes_when_a_batch_commits_and_not_when_a_load_finds_nothing_new(WarehouseBackend backend)
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("data-version");
        await using var postgres = backend == WarehouseBackend.Postgres ? await TemporaryPostgresDatabase.CreateAsync(ct) : null;
        var options = new WarehouseOptions
        {
            Backend = backend, PostgresConnectionString = postgres?.ConnectionString, DuckDbPath = dir.Combine("warehouse.duckdb"),
            DuckDbMemoryLimit = "256MB", DuckDbThreads = 1, StagingDirectory = dir.Combine("staging"),
        };
        var reports = Directory.GetFiles(Path.Combine(lake.Lake, "DWH", "quality"), "*.json").Select(f => "DWH/quality/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(reports.Count >= 2);

        await using var queries = await WarehouseQueries.OpenAsync(options, ct);
        var empty = await queries.DataVersionAsync(ct);
        await using var loader = await WarehouseLoader.OpenAsync(lake.Store, options, cancellationToken: ct);
        await loader.LoadBatchAsync(reports[0], ct);
        var one = await queries.DataVersionAsync(ct);
        await loader.LoadBatchAsync(reports[0], ct);
        var again = await queries.DataVersionAsync(ct);
        await loader.LoadPendingAsync(ct);
        var all = await queries.DataVersionAsync(ct);

        Assert.NotEqual(empty, one);
        Assert.Equal(one, again);
        Assert.NotEqual(one, all);
    }
}
