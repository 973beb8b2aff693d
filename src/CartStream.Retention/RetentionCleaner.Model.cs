using CartStream.Lake;
using CartStream.Lake.Storage;

namespace CartStream.Retention;

/// <summary>Model parts under <c>DWH/</c>: facts, dimensions and rejected rows.</summary>
public sealed partial class RetentionCleaner
{
    private async Task PlanModelAsync(DateTimeOffset now, List<LedgerEntry> entries, Dictionary<KeepReason, int> kept, CancellationToken cancellationToken)
    {
        await foreach (var file in _store.ListAsync(LakeLayout.WarehouseArea, cancellationToken))
        {
            if (!IsModelPart(file.Key, out var area))
            {
                Keep(kept, KeepReason.Unrecognised);
                continue;
            }

            var rejected = area == LakeArea.Rejected;
            var maxDays = rejected ? _options.RejectedMaxAgeDays : _options.WarehouseMaxAgeDays;
            var mustBeLoaded = !rejected || _options.RejectedRequiresLoad;
            var age = RetentionAge.Of(file, now);
            if (mustBeLoaded && !await _loaded.IsLoadedAsync(file.Key, cancellationToken))
            {
                Keep(kept, KeepReason.NotLoaded);
                continue;
            }

            if (age < TimeSpan.FromDays(maxDays))
            {
                Keep(kept, KeepReason.TooYoung);
                continue;
            }

            // The ledger keeps the rows' lineage, so reconciliation still finds every record of a deleted part.
            var lineage = await TryReadLineageAsync(file.Key, cancellationToken);
            if (lineage is null)
            {
                Keep(kept, KeepReason.Unaccountable, file.Key, "the Parquet file cannot be read");
                continue;
            }

            var reason = (mustBeLoaded ? "loaded; " : "") + RetentionAge.Describe(age, maxDays);
            entries.Add(new LedgerEntry(file.Key, area, file.Size, lineage.Rows, reason, now, OffsetRange.Compress(lineage.Addresses())));
        }
    }

    private async Task<ModelLineage?> TryReadLineageAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await ModelLineage.ReadAsync(_store, key, cancellationToken);
        }
        catch (ObjectStoreException e) when (e.IsNotFound)
        {
            return null;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }
}
