using CartStream.Testing;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Tests;

/// <summary>The same lake loaded into real PostgreSQL 15 and into DuckDB: same rows, same dashboard answers.</summary>
public sealed class PostgresLoadTests(LoadedLake lake) : IClassFixture<LoadedLake>
{
    [Fact]
    public async Task PostgreSQL_loads_the_lake_once_and_answers_every_dashboard_query_as_DuckDB_and_the_Parquet_files_do()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TemporaryPostgresDatabase.CreateAsync(ct);
        var options = new WarehouseOptions { Backend = WarehouseBackend.Postgres, PostgresConnectionString = database.ConnectionString, StagingDirectory = lake.DuckDbOptions.StagingDirectory };

        LoadSummary first;
        await using (var loader = await WarehouseLoader.OpenAsync(lake.Store, options, cancellationToken: ct))
        {
            first = await loader.LoadPendingAsync(ct);
        }

        Assert.True(first.Loaded > 2);
        Assert.Equal(0, first.Quarantined);
        var before = await SnapshotAsync(database, ct);
        await using (var loader = await WarehouseLoader.OpenAsync(lake.Store, options, cancellationToken: ct))
        {
            Assert.Empty((await loader.LoadPendingAsync(ct)).Batches);
        }

        Assert.Equal(before, await SnapshotAsync(database, ct));

        await using (var loader = await WarehouseLoader.OpenAsync(lake.Store, lake.DuckDbOptions, cancellationToken: ct))
        {
            await loader.LoadPendingAsync(ct);
        }

        await using var postgres = await WarehouseQueries.OpenAsync(options, ct);
        await DashboardAssertions.AnswersEqualTheParquetAsync(postgres, lake, ct);
        await using var duckDb = await WarehouseQueries.OpenAsync(lake.DuckDbOptions, ct);
        Assert.Equal(await DashboardAssertions.AllAnswersAsync(duckDb, lake, ct), await DashboardAssertions.AllAnswersAsync(postgres, lake, ct));
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_is_retried_then_fails_with_a_clear_error_and_a_later_load_misses_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var down = new WarehouseOptions
        {
            Backend = WarehouseBackend.Postgres,
            PostgresConnectionString = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=postgres;Timeout=2",
            MaxRetries = 2,
            RetryBackoff = TimeSpan.FromMilliseconds(50),
        };

        var error = await Assert.ThrowsAsync<WarehouseException>(() => WarehouseLoader.OpenAsync(lake.Store, down, cancellationToken: ct));
        Assert.True(error.IsTransient);
        Assert.Contains("unreachable after 3 attempt(s)", error.Message, StringComparison.Ordinal);

        await using var database = await TemporaryPostgresDatabase.CreateAsync(ct);
        var up = new WarehouseOptions { Backend = WarehouseBackend.Postgres, PostgresConnectionString = database.ConnectionString };
        await using var loader = await WarehouseLoader.OpenAsync(lake.Store, up, cancellationToken: ct);
        var summary = await loader.LoadPendingAsync(ct);
        var facts = (long)lake.Expected.RejectRate(lake.Filters[0]).Sum(p => p.Facts);
        Assert.Equal(facts, summary.Facts);
        Assert.Equal(facts, (await database.QueryAsync("SELECT count(*) FROM fact_sales", ct)).Single()[0]);
    }

    [Fact]
    public async Task The_Redshift_staging_and_merge_SQL_run_on_PostgreSQL_loads_once_and_gives_the_same_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TemporaryPostgresDatabase.CreateAsync(ct);
        var options = new WarehouseOptions
        {
            Backend = WarehouseBackend.Postgres, PostgresConnectionString = database.ConnectionString, PostgresUsesRedshiftMerge = true,
        };

        await using (var loader = await WarehouseLoader.OpenAsync(lake.Store, options, cancellationToken: ct))
        {
            Assert.Equal(0, (await loader.LoadPendingAsync(ct)).Quarantined);
        }

        var before = await SnapshotAsync(database, ct);
        await using (var loader = await WarehouseLoader.OpenAsync(lake.Store, options, cancellationToken: ct))
        {
            Assert.Empty((await loader.LoadPendingAsync(ct)).Batches);
        }

        Assert.Equal(before, await SnapshotAsync(database, ct));
        await using var queries = await WarehouseQueries.OpenAsync(options, ct);
        await DashboardAssertions.AnswersEqualTheParquetAsync(queries, lake, ct);
    }

    private static async Task<List<string>> SnapshotAsync(TemporaryPostgresDatabase database, CancellationToken ct)
    {
        var rows = new List<string>();
        foreach (var table in new[] { "fact_sales", "rejected", "dim_customer", "dim_product", "dim_currency", "load_manifest", "fact_order", "customer_first_order", "agg_sales_hourly", "agg_sales_daily", "agg_product_daily", "agg_quality_daily" })
        {
            var row = (await database.QueryAsync($"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t", ct)).Single();
            rows.Add($"{table}: {row[0]} {row[1]}");
        }

        return rows;
    }
}
