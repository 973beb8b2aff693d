using System.Text.Json;
using CartStream.Events.Reference;
using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Transform.Batch;
using CartStream.Transform.Dedup;
using CartStream.Transform.Input;
using CartStream.Transform.Output;
using CartStream.Transform.Parquet;
using CartStream.Transform.Quality;
using CartStream.Transform.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Transform;

/// <summary>
/// The batch driver: finds raw and dead-letter files under <c>topics/</c> that no checkpoint marks as done, claims
/// them atomically in the store, transforms them in batches of several files (one set of Parquet parts per batch),
/// publishes, then checkpoints. Safe to run again at any time and on several machines at once.
/// </summary>
public sealed partial class TransformRunner
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly IObjectStore _store;
    private readonly TransformOptions _options;
    private readonly ReferenceData _reference;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a runner over a lake.</summary>
    public TransformRunner(IObjectStore store, TransformOptions options, ReferenceData? reference = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _store = store;
        _options = options;
        _reference = reference ?? ReferenceData.Default;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<TransformRunner>.Instance;
    }

    /// <summary>Transforms every raw file not yet done; returns one quality report per batch published.</summary>
    public Task<IReadOnlyList<QualityReport>> RunOnceAsync(CancellationToken cancellationToken = default) =>
        RunOnceAsync(landedBefore: null, cancellationToken);

    /// <summary>
    /// Transforms every raw file not yet done that landed before <paramref name="landedBefore"/> (every one when
    /// null), after redoing crashed batches; returns one quality report per batch published.
    /// </summary>
    public async Task<IReadOnlyList<QualityReport>> RunOnceAsync(DateTimeOffset? landedBefore, CancellationToken cancellationToken = default)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var marker in _store.ListAsync(TransformState.DonePrefix, cancellationToken))
        {
            done.Add(marker.Key[TransformState.DonePrefix.Length..^".json".Length]);
        }

        var pending = new List<ObjectInfo>();
        await foreach (var file in _store.ListAsync(LakeLayout.TopicsArea, cancellationToken))
        {
            if (file.Key.EndsWith(LakeLayout.RawFileExtension, StringComparison.Ordinal) && !done.Contains(file.Key)
                && (landedBefore is null || file.LastModified < landedBefore))
            {
                pending.Add(file);
            }
        }

        if (pending.Count == 0)
        {
            Log.NothingToDo(_logger, LakeLayout.TopicsArea);
            return [];
        }

        var reports = new List<QualityReport>();
        var recovered = await RedoCrashedBatchesAsync(pending, reports, cancellationToken);
        pending.RemoveAll(f => recovered.Contains(f.Key));
        await ProcessPendingAsync(pending, reports, cancellationToken);
        return reports;
    }

    /// <summary>
    /// Transforms the named raw files (announced by the sink) that are not done yet and that no other worker holds;
    /// keys that do not exist or are not raw files are ignored. Returns one quality report per batch published.
    /// </summary>
    public async Task<IReadOnlyList<QualityReport>> ProcessFilesAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var pending = new List<ObjectInfo>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (LakeLayout.AreaOf(key) is LakeArea.Raw or LakeArea.DeadLetter
                && key.EndsWith(LakeLayout.RawFileExtension, StringComparison.Ordinal)
                && !await _store.ExistsAsync(TransformState.DoneKey(key), cancellationToken)
                && await _store.GetInfoAsync(key, cancellationToken) is { } file)
            {
                pending.Add(file);
            }
        }

        var reports = new List<QualityReport>();
        await ProcessPendingAsync(pending, reports, cancellationToken);
        return reports;
    }

    private async Task ProcessPendingAsync(List<ObjectInfo> pending, List<QualityReport> reports, CancellationToken cancellationToken)
    {
        // Offset order within a partition: the earlier copy of an event is the original, the later the duplicate.
        pending.Sort((a, b) => CompareRawKeys(a.Key, b.Key));
        var batch = new List<ObjectInfo>();
        long batchBytes = 0;
        foreach (var file in pending)
        {
            if (batch.Count > 0 && (batch.Count >= _options.MaxFilesPerBatch || batchBytes + file.Size > _options.MaxBytesPerBatch))
            {
                reports.Add(await ProcessBatchAsync(batch, cancellationToken));
                batch.Clear();
                batchBytes = 0;
            }

            if (await TryClaimAsync(file.Key, cancellationToken))
            {
                batch.Add(file);
                batchBytes += file.Size;
            }
        }

        if (batch.Count > 0)
        {
            reports.Add(await ProcessBatchAsync(batch, cancellationToken));
        }
    }

    /// <summary>True when a batch's files are claimed by a process of this machine that has ended (see <see cref="WorkerLiveness"/>).</summary>
    private async Task<bool> IsAbandonedBatchAsync(List<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var claimKey = TransformState.ClaimKey(key);
            if (await _store.GetInfoAsync(claimKey, cancellationToken) is not null)
            {
                return await IsAbandonedAsync(claimKey, cancellationToken);
            }
        }

        return false;
    }

    /// <summary>
    /// Redoes batches whose manifest outlived the claim lease, or whose worker's process is gone (their worker
    /// crashed between publishing and checkpointing) with exactly their files, so the part id, and with it every output key, is the crashed run's:
    /// the redo overwrites those parts instead of adding a second copy of their rows beside them.
    /// </summary>
    private async Task<HashSet<string>> RedoCrashedBatchesAsync(List<ObjectInfo> pending, List<QualityReport> reports, CancellationToken cancellationToken)
    {
        var handled = new HashSet<string>(StringComparer.Ordinal);
        var manifests = new List<ObjectInfo>();
        await foreach (var manifest in _store.ListAsync(TransformState.BatchPrefix, cancellationToken))
        {
            manifests.Add(manifest);
        }

        var byKey = pending.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var keys = JsonSerializer.Deserialize<List<string>>(await _store.ReadAllBytesAsync(manifest.Key, cancellationToken)) ?? [];
            if (_time.GetUtcNow() - manifest.LastModified < _options.ClaimLease && !await IsAbandonedBatchAsync(keys, cancellationToken))
            {
                continue;
            }

            if (!keys.Any(byKey.ContainsKey))
            {
                await _store.DeleteAsync(manifest.Key, cancellationToken);
                continue;
            }

            var files = new List<ObjectInfo>();
            foreach (var key in keys)
            {
                if ((byKey.GetValueOrDefault(key) ?? await _store.GetInfoAsync(key, cancellationToken)) is { } file)
                {
                    files.Add(file);
                    await _store.DeleteAsync(TransformState.ClaimKey(key), cancellationToken);
                    await TryClaimAsync(key, cancellationToken);
                }
            }

            Log.BatchRedone(_logger, manifest.Key, files.Count);
            reports.Add(await ProcessBatchAsync(files, cancellationToken));
            handled.UnionWith(keys);
        }

        return handled;
    }

    private async Task<QualityReport> ProcessBatchAsync(IReadOnlyList<ObjectInfo> files, CancellationToken cancellationToken)
    {
        var keys = files.Select(f => f.Key).ToList();
        var partId = LakeLayout.PartIdOf(keys);
        await _store.PutAsync(TransformState.BatchKey(partId), JsonSerializer.SerializeToUtf8Bytes(keys, Json), cancellationToken);
        var dedup = new Dictionary<string, DedupIndex?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var stateKey = TransformState.DedupKey(key);
            if (LakeLayout.AreaOf(key) == LakeArea.Raw && !dedup.ContainsKey(stateKey))
            {
                dedup[stateKey] = await LoadDedupAsync(stateKey, cancellationToken);
            }
        }

        var batch = new TransformBatch(_reference, _time.GetUtcNow().UtcDateTime, key => dedup.GetValueOrDefault(TransformState.DedupKey(key)));
        var quarantined = new List<QuarantinedFile>();
        foreach (var file in files)
        {
            var content = await _store.ReadAllBytesAsync(file.Key, cancellationToken);
            var error = RawFileDecoder.Read(batch, file.Key, content, file.LastModified.UtcDateTime);
            if (error is not null)
            {
                await QuarantineAsync(batch, file, content, error, cancellationToken);
                quarantined.Add(new QuarantinedFile(file.Key, error));
            }
        }

        var report = batch.CreateReport(partId, keys);
        report.Quarantined.AddRange(quarantined);
        await BatchPublisher.PublishAsync(_store, batch.Model, report, cancellationToken);

        foreach (var (stateKey, index) in dedup)
        {
            if (index is not null)
            {
                index.Compact(_options.DedupCapacityPerPartition, _options.DedupHorizon, batch.ProcessingTimeUtc);
                using var buffer = new MemoryStream();
                index.WriteTo(buffer);
                buffer.Position = 0;
                await _store.PutAsync(stateKey, buffer, cancellationToken);
            }
        }

        foreach (var key in keys)
        {
            var marker = JsonSerializer.SerializeToUtf8Bytes(new { batch_id = partId, processed_at = batch.ProcessingTimeUtc }, Json);
            await _store.PutAsync(TransformState.DoneKey(key), marker, cancellationToken);
            await _store.DeleteAsync(TransformState.ClaimKey(key), cancellationToken);
        }

        await _store.DeleteAsync(TransformState.BatchKey(partId), cancellationToken);
        Log.BatchPublished(_logger, partId, keys.Count, report.Records, report.Facts, report.Rejected, report.Duplicates);
        return report;
    }

    private async Task QuarantineAsync(TransformBatch batch, ObjectInfo file, byte[] content, string error, CancellationToken cancellationToken)
    {
        var quarantineKey = TransformState.QuarantinePrefix + file.Key;
        await _store.PutAsync(quarantineKey, content, cancellationToken);
        var partition = LakeLayout.TryParseRawFileKey(file.Key, out var id) ? id.Partition : -1;
        var origin = new RecordOrigin(file.Key, partition, id.StartOffset, file.LastModified.UtcDateTime);
        batch.AddQuarantinedFile(quarantineKey, origin, RuleCode.CorruptFile, error);
        Log.FileQuarantined(_logger, file.Key, quarantineKey, error);
    }

    private async Task<DedupIndex> LoadDedupAsync(string stateKey, CancellationToken cancellationToken)
    {
        if (!await _store.ExistsAsync(stateKey, cancellationToken))
        {
            return new DedupIndex();
        }

        using var stream = new MemoryStream(await _store.ReadAllBytesAsync(stateKey, cancellationToken));
        return DedupIndex.ReadFrom(stream);
    }
}
