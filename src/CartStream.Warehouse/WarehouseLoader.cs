using System.Diagnostics;
using System.Text.Json;
using CartStream.Lake.Storage;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Warehouse;

/// <summary>
/// Loads the transform's output from the lake into the warehouse, one transform batch per transaction, idempotently:
/// files in the manifest at the same version are skipped, facts insert only new event ids, dimensions are upserted.
/// The one-process pipeline calls <see cref="LoadBatchAsync"/> when the transform publishes a batch;
/// <c>cartstream load</c> calls <see cref="LoadPendingAsync"/>.
/// </summary>
public sealed partial class WarehouseLoader : IAsyncDisposable
{
    /// <summary>Where the transform writes one quality report per batch (listing the batch's files).</summary>
    public const string QualityPrefix = "DWH/quality/";

    private readonly IObjectStore _store;
    private readonly WarehouseOptions _options;
    private readonly ILogger _logger;
    private WarehouseDatabase? _database;

    private WarehouseLoader(IObjectStore store, WarehouseOptions options, ILogger logger)
    {
        _store = store;
        _options = options;
        _logger = logger;
    }

    /// <summary>Connects to the warehouse of <paramref name="options"/> (retrying an unreachable server) and creates its tables if needed.</summary>
    public static async Task<WarehouseLoader> OpenAsync(IObjectStore store, WarehouseOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var loader = new WarehouseLoader(store, options, logger ?? NullLogger.Instance);
        try
        {
            await loader.WithRetriesAsync(async db => { await db.EnsureSchemaAsync(cancellationToken); return 0; }, cancellationToken);
            return loader;
        }
        catch
        {
            await loader.DisposeAsync();
            throw;
        }
    }

    /// <summary>Loads the batch whose quality report is <paramref name="qualityReportKey"/> (<c>DWH/quality/part-&lt;id&gt;.json</c>).</summary>
    public async Task<BatchLoadResult> LoadBatchAsync(string qualityReportKey, CancellationToken cancellationToken = default)
    {
        var info = await _store.GetInfoAsync(qualityReportKey, cancellationToken)
            ?? throw new WarehouseException($"No quality report at {qualityReportKey} in {_store.Location}.");
        var manifest = await WithRetriesAsync(db => db.ReadManifestAsync(cancellationToken), cancellationToken);
        return await LoadReportAsync(info, manifest, cancellationToken);
    }

    /// <summary>Loads a set of Parquet files under <c>DWH/</c> as one transaction, named <paramref name="name"/> in the results.</summary>
    public async Task<BatchLoadResult> LoadFilesAsync(string name, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        var manifest = await WithRetriesAsync(db => db.ReadManifestAsync(cancellationToken), cancellationToken);
        return await LoadKeysAsync(name, "", name, keys, manifest, 0, cancellationToken);
    }

    /// <summary>Loads every batch whose quality report is not yet in the manifest (or changed since), oldest report first.</summary>
    public async Task<LoadSummary> LoadPendingAsync(CancellationToken cancellationToken = default)
    {
        var manifest = await WithRetriesAsync(db => db.ReadManifestAsync(cancellationToken), cancellationToken);
        var quarantined = await WithRetriesAsync(db => db.ReadQuarantineAsync(cancellationToken), cancellationToken);
        var reports = new List<ObjectInfo>();
        await foreach (var info in _store.ListAsync(QualityPrefix, cancellationToken))
        {
            if (info.Key.EndsWith(".json", StringComparison.Ordinal))
            {
                reports.Add(info);
            }
        }

        var results = new List<BatchLoadResult>();
        foreach (var report in reports.OrderBy(r => r.LastModified).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            if (manifest.TryGetValue(report.Key, out var loaded) && loaded.ETag == report.ETag && loaded.Size == report.Size)
            {
                continue;
            }

            if (quarantined.Contains((report.Key, report.ETag)))
            {
                results.Add(new BatchLoadResult(report.Key, BatchLoadStatus.Quarantined, 0, 0, 0, 0, "quarantined by an earlier load (see load_quarantine); rewrite the batch to retry"));
                continue;
            }

            results.Add(await LoadReportAsync(report, manifest, cancellationToken));
        }

        return new LoadSummary(results);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }

    private async Task<BatchLoadResult> LoadReportAsync(ObjectInfo report, Dictionary<string, ManifestEntry> manifest, CancellationToken cancellationToken)
    {
        string batchId;
        List<string> files;
        try
        {
            using var json = JsonDocument.Parse(await _store.ReadAllBytesAsync(report.Key, cancellationToken));
            batchId = json.RootElement.GetProperty("batch_id").GetString() ?? "";
            files = json.RootElement.GetProperty("output_files").EnumerateArray().Select(f => f.GetString() ?? "").ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return await QuarantineAsync(report.Key, report.ETag, new BadLakeFileException(report.Key, $"not a quality report ({e.Message})", e), cancellationToken);
        }

        return await LoadKeysAsync(report.Key, report.ETag, batchId, files, manifest, report.Size, cancellationToken);
    }

    private async Task<BatchLoadResult> LoadKeysAsync(
        string batchKey, string batchETag, string batchId, IReadOnlyList<string> keys, Dictionary<string, ManifestEntry> manifest, long batchSize, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(_options.StagingDirectory ?? Path.GetTempPath(), $"cartstream-load-{Guid.NewGuid():N}");
        try
        {
            var files = new List<LakeFile>();
            var skipped = 0;
            foreach (var key in keys)
            {
                var table = LakeTables.OfKey(key);
                if (table is null)
                {
                    continue;
                }

                var info = await _store.GetInfoAsync(key, cancellationToken);
                if (manifest.TryGetValue(key, out var loaded) && (info is null || (loaded.ETag == info.ETag && loaded.Size == info.Size)))
                {
                    // Loaded at this version, or loaded and since removed by retention.
                    skipped++;
                    continue;
                }

                if (info is null)
                {
                    throw new BadLakeFileException(key, "listed in the batch's quality report but not in the lake");
                }

                // DuckDB reads local files only (no httpfs here): every file is copied out of the store first.
                var local = Path.Combine(staging, key);
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await using (var source = await _store.OpenReadAsync(key, cancellationToken))
                await using (var target = File.Create(local))
                {
                    await source.CopyToAsync(target, cancellationToken);
                }

                files.Add(new LakeFile(key, info.ETag, info.Size, table, local));
            }

            if (files.Count == 0 && batchETag.Length > 0 && manifest.ContainsKey(batchKey))
            {
                return new BatchLoadResult(batchKey, BatchLoadStatus.AlreadyLoaded, 0, skipped, 0, 0);
            }

            var unit = new LoadUnit(batchKey, batchETag, batchId, files);
            var started = Stopwatch.GetTimestamp();
            var (facts, rejected) = await WithRetriesAsync(db => db.LoadAsync(unit, batchSize, cancellationToken), cancellationToken);
            WarehouseMetrics.LoadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("backend", _options.Backend.ToString()));
            WarehouseMetrics.RowsLoaded.Add(facts, new KeyValuePair<string, object?>("table", "fact_sales"));
            WarehouseMetrics.RowsLoaded.Add(rejected, new KeyValuePair<string, object?>("table", "rejected"));
            foreach (var file in files)
            {
                manifest[file.Key] = new ManifestEntry(file.ETag, file.Size);
            }

            if (batchETag.Length > 0)
            {
                manifest[batchKey] = new ManifestEntry(batchETag, batchSize);
            }

            Log.BatchLoaded(_logger, batchKey, files.Count, facts, rejected);
            return new BatchLoadResult(batchKey, files.Count == 0 ? BatchLoadStatus.AlreadyLoaded : BatchLoadStatus.Loaded, files.Count, skipped, facts, rejected);
        }
        catch (BadLakeFileException e)
        {
            return await QuarantineAsync(batchKey, batchETag, e, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<BatchLoadResult> QuarantineAsync(string batchKey, string batchETag, BadLakeFileException error, CancellationToken cancellationToken)
    {
        Log.BatchQuarantined(_logger, batchKey, error.Message);
        await WithRetriesAsync(async db => { await db.QuarantineAsync(batchKey, batchETag, error.FileKey, error.Message, cancellationToken); return 0; }, cancellationToken);
        return new BatchLoadResult(batchKey, BatchLoadStatus.Quarantined, 0, 0, 0, 0, error.Message);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection; when the server is unreachable, reconnects with
    /// exponential backoff (a failed transaction rolled back, so a retry starts from nothing half-loaded).
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(Func<WarehouseDatabase, Task<T>> work, CancellationToken cancellationToken)
    {
        var delay = _options.RetryBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_database is null)
                {
                    _database = await WarehouseDatabases.OpenAsync(_options, cancellationToken);
                    _database.Logger = _logger;
                }

                return await work(_database);
            }
            catch (Exception e) when (e is not BadLakeFileException && WarehouseDatabases.IsTransient(_options, _database, e) && !cancellationToken.IsCancellationRequested)
            {
                if (_database is not null)
                {
                    await _database.DisposeAsync();
                    _database = null;
                }

                if (attempt > _options.MaxRetries)
                {
                    throw new WarehouseException(
                        $"The {_options.Backend} warehouse is unreachable after {attempt} attempt(s): {e.Message}. Nothing of the current batch was loaded; run the load again when it is back.",
                        isTransient: true, e);
                }

                Log.Retrying(_logger, attempt, _options.MaxRetries + 1, delay, e.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryBackoff.Ticks));
            }
        }
    }
}
