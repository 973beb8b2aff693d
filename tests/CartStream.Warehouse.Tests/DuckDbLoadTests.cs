using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Warehouse.Loading;

namespace CartStream.Warehouse.Tests;

/// <summary>Loading a transformed lake into the embedded DuckDB warehouse: totals, idempotency, bad files.</summary>
public sealed class DuckDbLoadTests : IDisposable
{
    private readonly TempDirectory _dir = new("warehouse-duckdb");
    private readonly LocalObjectStore _store;

    public DuckDbLoadTests()
    {
        Directory.CreateDirectory(Lake);
        _store = new LocalObjectStore(Lake);
    }

    private string Lake => Path.Combine(_dir.Path, "lake");

    private string Database => Path.Combine(_dir.Path, "warehouse", "cartstream.duckdb");

    private WarehouseOptions Options => new() { DuckDbPath = Database, DuckDbMemoryLimit = "256MB", DuckDbThreads = 1, StagingDirectory = Path.Combine(_dir.Path, "staging") };

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_loaded_lake_has_the_totals_DuckDB_computes_over_the_Parquet_files_and_loading_again_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var reports = await GeneratedLake.BuildAsync(_store, 3_000, ct, recordsPerFile: 200, filesPerBatch: 4);
        Assert.True(reports.Count > 2);

        LoadSummary first;
        await using (var loader = await WarehouseLoader.OpenAsync(_store, Options, cancellationToken: ct))
        {
            first = await loader.LoadPendingAsync(ct);
        }

        Assert.Equal(reports.Count, first.Loaded);
        Assert.Equal(0, first.Quarantined);
        Assert.Equal(reports.Sum(r => r.Facts), first.Facts);
        Assert.Equal(reports.Sum(r => r.Rejected), first.Rejected);
        // The batches share one transaction here (a catch-up load), and each still reports its own rows.
        Assert.Equal(
            reports.Select(r => ($"{WarehouseLoader.QualityPrefix}part-{r.BatchId}.json", r.Facts, r.Rejected)).Order(),
            first.Batches.Select(b => (b.BatchKey, b.Facts, b.Rejected)).Order());

        var lakeTotals = DuckDb.Query($"""
            SELECT CAST(event_time AS DATE) AS day, count(*), sum(net), sum(margin), sum(quantity), count(DISTINCT order_id)
            FROM {DuckDb.Parts(Lake, "fact_sales")} GROUP BY ALL ORDER BY day
            """);
        Assert.Equal(lakeTotals, WarehouseTotalsByDay());
        Assert.Equal(DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Parts(Lake, "rejected")}"), DuckDb.Scalar("SELECT count(*) FROM rejected", Database));
        foreach (var (table, key) in new[] { ("dim_customer", "customer_key"), ("dim_product", "product_key"), ("dim_address", "address_key"), ("dim_date", "date_key") })
        {
            Assert.Equal(DuckDb.Scalar($"SELECT count(DISTINCT {key}) FROM {DuckDb.Parts(Lake, table)}"), DuckDb.Scalar($"SELECT count(*) FROM {table}", Database));
        }

        var before = Snapshot();
        LoadSummary second;
        await using (var loader = await WarehouseLoader.OpenAsync(_store, Options, cancellationToken: ct))
        {
            second = await loader.LoadPendingAsync(ct);
        }

        Assert.Empty(second.Batches);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_rewritten_file_loads_nothing_twice_and_a_late_duplicate_becomes_a_rejected_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await GeneratedLake.BuildAsync(_store, 600, ct, partitions: 2, recordsPerFile: 150, filesPerBatch: 2);
        await using var loader = await WarehouseLoader.OpenAsync(_store, Options, cancellationToken: ct);
        await loader.LoadPendingAsync(ct);
        var facts = (long)DuckDb.Scalar("SELECT count(*) FROM fact_sales", Database)!;
        var rejected = (long)DuckDb.Scalar("SELECT count(*) FROM rejected", Database)!;

        // The same rows in a rewritten file (another version): a compaction or a re-run of the transform.
        var factFile = Directory.GetFiles(Path.Combine(Lake, "DWH", "fact_sales"), "*.parquet", SearchOption.AllDirectories).OrderByDescending(f => new FileInfo(f).Length).First();
        var key = Path.GetRelativePath(Lake, factFile).Replace('\\', '/');
        var copyKey = key.Replace("part-", "part-compacted-", StringComparison.Ordinal);
        await _store.PutAsync(copyKey, await File.ReadAllBytesAsync(factFile, ct), ct);
        // Three of its events again at other places: late duplicates the transform's dedup window no longer knew.
        var late = Path.Combine(_dir.Path, "late.parquet");
        DuckDb.Query($"COPY (SELECT * REPLACE ('topics/sales/partition=9/sales+9+0000000000.avro' AS source_file) FROM read_parquet('{factFile}') ORDER BY event_id LIMIT 3) TO '{late}' (FORMAT parquet)");
        var lateKey = key.Replace("part-", "part-late-", StringComparison.Ordinal);
        await _store.PutAsync(lateKey, await File.ReadAllBytesAsync(late, ct), ct);

        var result = await loader.LoadFilesAsync("late files", [copyKey, lateKey], ct);

        Assert.Equal(BatchLoadStatus.Loaded, result.Status);
        Assert.Equal(0, result.Facts);
        Assert.Equal(3, result.Rejected);
        await loader.DisposeAsync();
        Assert.Equal(facts, DuckDb.Scalar("SELECT count(*) FROM fact_sales", Database));
        // DuckDB declares no key on fact_sales (the merge keeps event ids unique): no id is there twice.
        Assert.Equal(facts, DuckDb.Scalar("SELECT count(DISTINCT event_id) FROM fact_sales", Database));
        Assert.Equal(rejected + 3, DuckDb.Scalar("SELECT count(*) FROM rejected", Database));
        var duplicates = DuckDb.Query("SELECT rule_codes, source_partition, detail FROM rejected WHERE source_file LIKE '%sales+9+%'", Database);
        Assert.Equal(3, duplicates.Count);
        Assert.All(duplicates, d =>
        {
            Assert.Equal("DUPLICATE_EVENT", d[0]);
            Assert.Equal(9, d[1]);
            Assert.Contains("already loaded from topics/sales/", (string)d[2]!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_corrupt_or_foreign_parquet_file_quarantines_its_batch_by_name_and_the_other_batches_load_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var reports = await GeneratedLake.BuildAsync(_store, 1_600, ct, partitions: 2, recordsPerFile: 200, filesPerBatch: 2);
        Assert.True(reports.Count >= 3);
        var corrupt = reports[0].OutputFiles.First(k => k.StartsWith("DWH/fact_sales/", StringComparison.Ordinal));
        var foreign = reports[1].OutputFiles.First(k => k.StartsWith("DWH/rejected/", StringComparison.Ordinal));
        var bytes = await _store.ReadAllBytesAsync(corrupt, ct);
        bytes.AsSpan(bytes.Length / 2, 64).Fill(0x5A);
        bytes.AsSpan(bytes.Length - 8, 4).Fill(0x00);
        await _store.PutAsync(corrupt, bytes, ct);
        var other = Path.Combine(_dir.Path, "other.parquet");
        DuckDb.Query($"COPY (SELECT 1 AS x, 'y' AS y) TO '{other}' (FORMAT parquet)");
        await _store.PutAsync(foreign, await File.ReadAllBytesAsync(other, ct), ct);

        LoadSummary summary;
        await using (var loader = await WarehouseLoader.OpenAsync(_store, Options, cancellationToken: ct))
        {
            summary = await loader.LoadPendingAsync(ct);
        }

        Assert.Equal(2, summary.Quarantined);
        Assert.Equal(reports.Count - 2, summary.Loaded);
        var errors = summary.Batches.Where(b => b.Status == BatchLoadStatus.Quarantined).Select(b => b.Error!).ToList();
        Assert.Contains(errors, e => e.Contains(corrupt, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(foreign, StringComparison.Ordinal));
        var recorded = DuckDb.Query("SELECT file_key FROM load_quarantine ORDER BY file_key", Database).Select(r => (string)r[0]!).ToList();
        Assert.Equal(new[] { corrupt, foreign }.Order(StringComparer.Ordinal), recorded);

        // Exactly the rows of the other batches, none of the quarantined ones (never half-loaded).
        var good = reports.Skip(2).SelectMany(r => r.OutputFiles).Where(k => k.StartsWith("DWH/fact_sales/", StringComparison.Ordinal)).Select(k => $"'{Lake}/{k}'");
        Assert.Equal(DuckDb.Scalar($"SELECT count(*) FROM read_parquet([{string.Join(", ", good)}])"), DuckDb.Scalar("SELECT count(*) FROM fact_sales", Database));
        var quarantinedSources = reports.Take(2).SelectMany(r => r.InputFiles).Select(k => $"'{k}'");
        Assert.Equal(0L, DuckDb.Scalar($"SELECT count(*) FROM rejected WHERE source_file IN ({string.Join(", ", quarantinedSources)})", Database));

        // A second run does not retry a batch quarantined at the same version.
        await using (var loader = await WarehouseLoader.OpenAsync(_store, Options, cancellationToken: ct))
        {
            var again = await loader.LoadPendingAsync(ct);
            Assert.Equal(0, again.Loaded);
            Assert.Equal(2, again.Quarantined);
        }
    }

    private List<object?[]> WarehouseTotalsByDay() => DuckDb.Query("""
        SELECT CAST(event_time AS DATE) AS day, count(*), sum(net), sum(margin), sum(quantity), count(DISTINCT order_id)
        FROM fact_sales GROUP BY ALL ORDER BY day
        """, Database);

    private List<string> Snapshot() =>
        new[] { "fact_sales", "rejected", "dim_customer", "dim_product", "dim_currency", "load_manifest", "fact_order", "customer_first_order", "agg_sales_hourly", "agg_sales_daily", "agg_product_daily", "agg_quality_daily" }
        .Select(t => $"{t}: {string.Join(" ", DuckDb.Query($"SELECT count(*), sum(hash(COLUMNS(*))) FROM {t}", Database).Single())}")
        .ToList();
}
