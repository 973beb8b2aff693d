using CartStream.Lake.Storage;
using CartStream.Warehouse.Loading;
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
        using var staging = new StagingFolder(_options);
        var (batch, done) = await PrepareReportAsync(info, manifest, staging.Path, new HashSet<string>(), cancellationToken);
        return done ?? (await LoadUnitAsync([batch!], manifest, cancellationToken)).Single();
    }

    /// <summary>Loads a set of Parquet files under <c>DWH/</c> as one transaction, named <paramref name="name"/> in the results.</summary>
    public async Task<BatchLoadResult> LoadFilesAsync(string name, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        var manifest = await WithRetriesAsync(db => db.ReadManifestAsync(cancellationToken), cancellationToken);
        using var staging = new StagingFolder(_options);
        var (batch, done) = await PrepareAsync(name, "", name, keys, manifest, 0, staging.Path, new HashSet<string>(), cancellationToken);
        return done ?? (await LoadUnitAsync([batch!], manifest, cancellationToken)).Single();
    }

    /// <summary>
    /// Loads every batch whose quality report is not yet in the manifest (or changed since), oldest report first;
    /// consecutive batches share a transaction up to <see cref="WarehouseOptions.MaxTransactionBytes"/>.
    /// </summary>
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
        var group = new List<LoadBatch>();
        var groupKeys = new HashSet<string>(StringComparer.Ordinal);
        var staging = new StagingFolder(_options);
        try
        {
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

                var (batch, done) = await PrepareReportAsync(report, manifest, staging.Path, groupKeys, cancellationToken);
                if (done is not null)
                {
                    results.Add(done);
                    continue;
                }

                if (group.Count > 0 && group.Sum(b => b.Bytes) + batch!.Bytes > MaxTransactionBytes)
                {
                    results.AddRange(await LoadUnitAsync(group, manifest, cancellationToken));
                    group.Clear();
                    groupKeys.Clear();
                    staging.Dispose();
                    staging = new StagingFolder(_options);
                    (batch, done) = await PrepareReportAsync(report, manifest, staging.Path, groupKeys, cancellationToken);
                    if (done is not null)
                    {
                        results.Add(done);
                        continue;
                    }
                }

                group.Add(batch!);
                groupKeys.UnionWith(batch!.Files.Select(f => f.Key));
            }

            if (group.Count > 0)
            {
                results.AddRange(await LoadUnitAsync(group, manifest, cancellationToken));
            }
        }
        finally
        {
            staging.Dispose();
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
