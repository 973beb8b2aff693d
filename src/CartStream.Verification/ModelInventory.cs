using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Retention;

namespace CartStream.Verification;

/// <summary>
/// The model's side: every record of the topic should be exactly one row of <c>DWH/fact_sales</c> or
/// <c>DWH/rejected</c>, found by the lineage columns the transform writes (docs/transform.md). A part retention
/// deleted counts through the lineage ranges of its ledger line, unless the part is still present.
/// </summary>
internal static class ModelInventory
{
    public static async Task CountAsync(IObjectStore store, string topic, IReadOnlyList<LedgerEntry> ledger, AddressTally tally, CancellationToken cancellationToken)
    {
        string[] prefixes = [LakeLayout.TablePrefix("fact_sales"), LakeLayout.RejectedArea];
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            // fact_sales: the raw file's key names the partition; rejected rows carry it (dead letters come from -dlq files).
            await foreach (var file in store.ListAsync(prefix, cancellationToken))
            {
                present.Add(file.Key);
                if (!file.Key.EndsWith(LakeLayout.ParquetExtension, StringComparison.Ordinal))
                {
                    continue;
                }

                var lineage = await ModelLineage.ReadAsync(store, file.Key, cancellationToken);
                if (lineage.Files is null)
                {
                    throw new InvalidDataException($"{file.Key} has no lineage columns (source_file, source_offset): not a file of the model this build reads.");
                }

                foreach (var (source, partition, offset) in lineage.Addresses())
                {
                    if (source == topic)
                    {
                        tally.Add(new RecordAddress(partition, offset), file.Key);
                    }
                }
            }
        }

        foreach (var entry in ledger)
        {
            if (!prefixes.Any(p => entry.Key.StartsWith(p, StringComparison.Ordinal)) || present.Contains(entry.Key))
            {
                continue;
            }

            foreach (var range in entry.Ranges.Where(r => r.Topic == topic))
            {
                for (var offset = range.First; offset <= range.Last; offset++)
                {
                    tally.Add(new RecordAddress(range.Partition, offset), entry.Key + LakeInventory.DeletedSuffix);
                }
            }
        }
    }
}
