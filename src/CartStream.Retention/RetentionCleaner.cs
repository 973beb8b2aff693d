using CartStream.Lake;
using CartStream.Lake.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Retention;

/// <summary>
/// The lake's retention cleanup (the seed's <c>s3_cleanup</c>): deletes raw and dead-letter files the transform has
/// finished with, and model parts the warehouse has loaded, once older than their area's maximum age; records every
/// deletion in <see cref="RetentionLedger"/> first. It never deletes under <c>_state/</c> or <c>quarantine/</c>, nor a
/// file it does not recognise, nor one whose records it cannot account for.
/// </summary>
public sealed partial class RetentionCleaner
{
    private readonly IObjectStore _store;
    private readonly RetentionOptions _options;
    private readonly ILoadedFiles _loaded;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A cleaner for <paramref name="store"/>; <paramref name="loaded"/> answers which model files the warehouse holds.</summary>
    public RetentionCleaner(IObjectStore store, RetentionOptions options, ILoadedFiles loaded, TimeProvider? time = null, ILogger<RetentionCleaner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loaded);
        _store = store;
        _options = options;
        _loaded = loaded;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<RetentionCleaner>.Instance;
    }

    /// <summary>
    /// Finds every eligible file and, unless <paramref name="dryRun"/>, records and deletes it, in chunks of
    /// <see cref="RetentionOptions.LedgerChunkSize"/>: each chunk's ledger object is written before its files go.
    /// </summary>
    public async Task<RetentionResult> RunAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var kept = Enum.GetValues<KeepReason>().ToDictionary(r => r, _ => 0);
        var entries = new List<LedgerEntry>();
        await PlanRawAsync(now, entries, kept, cancellationToken);
        await PlanModelAsync(now, entries, kept, cancellationToken);
        var items = entries.Select(e => new RetentionItem(e.Key, e.Area, e.Size, e.Reason)).ToList();
        if (dryRun)
        {
            return new RetentionResult(true, items, kept, []);
        }

        var ledgerKeys = new List<string>();
        var runId = Guid.NewGuid().ToString("N")[..8];
        foreach (var chunk in entries.Chunk(_options.LedgerChunkSize))
        {
            var ledgerKey = RetentionLedger.ChunkKey(now, runId, ledgerKeys.Count);
            await RetentionLedger.WriteAsync(_store, ledgerKey, chunk, cancellationToken);
            ledgerKeys.Add(ledgerKey);
            foreach (var entry in chunk)
            {
                await _store.DeleteAsync(entry.Key, cancellationToken);
                Log.Deleted(_logger, entry.Key, entry.Area.ToString(), entry.Size, entry.Reason);
            }

            Log.ChunkDeleted(_logger, chunk.Length, chunk.Sum(e => e.Size), ledgerKey);
        }

        return new RetentionResult(false, items, kept, ledgerKeys);
    }

    private void Keep(Dictionary<KeepReason, int> kept, KeepReason reason, string? key = null, string? detail = null)
    {
        kept[reason]++;
        if (key is not null && detail is not null)
        {
            Log.Unaccountable(_logger, key, detail);
        }
    }

    private static bool IsUnreadable(Exception e) =>
        e is Events.Avro.AvroContainerException or Events.Avro.AvroFormatException or InvalidDataException or EndOfStreamException or IOException
        || e.GetType().Namespace?.StartsWith("Parquet", StringComparison.Ordinal) == true;

    private static bool IsModelPart(string key, out LakeArea area)
    {
        area = LakeLayout.AreaOf(key);
        var segments = key.Split('/');
        if (area is not (LakeArea.Warehouse or LakeArea.Rejected) || segments.Length is not (3 or 4)
            || !IsName(segments[1]) || !IsPartFile(segments[^1]))
        {
            return false;
        }

        return segments.Length == 3 || RetentionAge.PartitionStart(key) is not null && segments[2].StartsWith("event_date=", StringComparison.Ordinal) && segments[2].Length == "event_date=YYYY-MM-DD".Length;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');

    private static bool IsPartFile(string name) =>
        name.StartsWith("part-", StringComparison.Ordinal) && name.EndsWith(LakeLayout.ParquetExtension, StringComparison.Ordinal)
        && name.Length > "part-".Length + LakeLayout.ParquetExtension.Length
        && name["part-".Length..^LakeLayout.ParquetExtension.Length].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
