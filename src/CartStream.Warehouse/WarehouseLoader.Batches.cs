using System.Diagnostics;
using System.Text.Json;
using CartStream.Lake.Storage;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse;

/// <summary>Preparing batches (their files copied out of the lake) and loading one or more of them in one transaction.</summary>
public sealed partial class WarehouseLoader
{
    // The Redshift merge counts new rows for the whole transaction only, so with it each batch loads alone.
    private long MaxTransactionBytes =>
        _options.Backend == WarehouseBackend.Postgres && _options.PostgresUsesRedshiftMerge ? 0 : _options.MaxTransactionBytes;

    private async Task<(LoadBatch? Batch, BatchLoadResult? Done)> PrepareReportAsync(
        ObjectInfo report, Dictionary<string, ManifestEntry> manifest, string staging, IReadOnlySet<string> taken, CancellationToken cancellationToken)
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
            return (null, await QuarantineAsync(report.Key, report.ETag, new BadLakeFileException(report.Key, $"not a quality report ({e.Message})", e), cancellationToken));
        }

        return await PrepareAsync(report.Key, report.ETag, batchId, files, manifest, report.Size, staging, taken, cancellationToken);
    }

    /// <summary>
    /// Copies the listed files not yet loaded into <paramref name="staging"/>; or the batch's result when there is
    /// nothing to load (already loaded) or it cannot be loaded (quarantined). <paramref name="taken"/>: files an
    /// earlier batch of the same transaction loads.
    /// </summary>
    private async Task<(LoadBatch? Batch, BatchLoadResult? Done)> PrepareAsync(
        string batchKey, string batchETag, string batchId, IReadOnlyList<string> keys, Dictionary<string, ManifestEntry> manifest, long batchSize,
        string staging, IReadOnlySet<string> taken, CancellationToken cancellationToken)
    {
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
                if (taken.Contains(key) || (manifest.TryGetValue(key, out var loaded) && (info is null || (loaded.ETag == info.ETag && loaded.Size == info.Size))))
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
                return (null, new BatchLoadResult(batchKey, BatchLoadStatus.AlreadyLoaded, 0, skipped, 0, 0));
            }

            return (new LoadBatch(batchKey, batchETag, batchId, batchSize, files, skipped), null);
        }
        catch (BadLakeFileException e)
        {
            return (null, await QuarantineAsync(batchKey, batchETag, e, cancellationToken));
        }
    }

    /// <summary>
    /// Loads the batches in one transaction. When a file cannot be read, its batch is quarantined and the others
    /// are loaded again without it, so one bad file never holds back another batch.
    /// </summary>
    private async Task<IReadOnlyList<BatchLoadResult>> LoadUnitAsync(IReadOnlyList<LoadBatch> batches, Dictionary<string, ManifestEntry> manifest, CancellationToken cancellationToken)
    {
        var unit = new LoadUnit(batches);
        IReadOnlyList<(long Facts, long Rejected)> counts;
        var started = Stopwatch.GetTimestamp();
        try
        {
            counts = await WithRetriesAsync(db => db.LoadAsync(unit, cancellationToken), cancellationToken);
        }
        catch (BadLakeFileException e)
        {
            var bad = batches.FirstOrDefault(b => b.Files.Any(f => f.Key == e.FileKey)) ?? batches[0];
            var results = new List<BatchLoadResult>();
            var rest = batches.Where(b => b != bad).ToList();
            var quarantined = await QuarantineAsync(bad.BatchKey, bad.BatchETag, e, cancellationToken);
            if (rest.Count > 0)
            {
                results.AddRange(await LoadUnitAsync(rest, manifest, cancellationToken));
            }

            // Results in the batches' order.
            results.Insert(batches.TakeWhile(b => b != bad).Count(), quarantined);
            return results;
        }

        WarehouseMetrics.LoadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("backend", _options.Backend.ToString()));
        var loaded = new List<BatchLoadResult>();
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            var (facts, rejected) = counts[i];
            WarehouseMetrics.RowsLoaded.Add(facts, new KeyValuePair<string, object?>("table", "fact_sales"));
            WarehouseMetrics.RowsLoaded.Add(rejected, new KeyValuePair<string, object?>("table", "rejected"));
            foreach (var file in batch.Files)
            {
                manifest[file.Key] = new ManifestEntry(file.ETag, file.Size);
            }

            if (batch.BatchETag.Length > 0)
            {
                manifest[batch.BatchKey] = new ManifestEntry(batch.BatchETag, batch.BatchSize);
            }

            Log.BatchLoaded(_logger, batch.BatchKey, batch.Files.Count, facts, rejected);
            loaded.Add(new BatchLoadResult(
                batch.BatchKey, batch.Files.Count == 0 ? BatchLoadStatus.AlreadyLoaded : BatchLoadStatus.Loaded, batch.Files.Count, batch.Skipped, facts, rejected));
        }

        return loaded;
    }
}
