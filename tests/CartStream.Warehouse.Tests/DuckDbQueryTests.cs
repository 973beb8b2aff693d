using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Tests;

/// <summary>The dashboards' queries on DuckDB, against independent SQL over the Parquet files.</summary>
public sealed class DuckDbQueryTests(LoadedLake lake) : IClassFixture<LoadedLake>
{
    [Fact]
    public async Task Every_dashboard_query_on_DuckDB_equals_independent_SQL_over_the_Parquet_files()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var loader = await WarehouseLoader.OpenAsync(lake.Store, lake.DuckDbOptions, cancellationToken: ct))
        {
            await loader.LoadPendingAsync(ct);
        }

        await using var queries = await WarehouseQueries.OpenAsync(lake.DuckDbOptions, ct);
        await DashboardAssertions.AnswersEqualTheParquetAsync(queries, lake, ct);
        Assert.NotEmpty(await queries.SalesOverTimeAsync(lake.Filters[1], TimeBucket.Day, ct));
    }
}
