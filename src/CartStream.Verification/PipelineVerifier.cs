using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Retention;
using Microsoft.Extensions.Configuration;

namespace CartStream.Verification;

/// <summary>
/// Reconciles one events topic with the lake: the generator's sequences in the topic, every offset in exactly one
/// raw or dead-letter file, and every offset in exactly one row of <c>fact_sales</c> or <c>rejected</c>, in the
/// model's Parquet files and in the warehouse; files
/// retention deleted count from its ledger.
/// </summary>
public static class PipelineVerifier
{
    /// <summary>
    /// Verifies <paramref name="topic"/> on the Kafka cluster of <paramref name="configuration"/> against <paramref name="store"/>
    /// and, when given, the warehouse's rows through their lineage (source file, partition for rejected rows, offset).
    /// </summary>
    public static async Task<VerificationReport> VerifyAsync(
        IConfiguration configuration,
        string topic,
        IObjectStore store,
        IAsyncEnumerable<(string Table, string SourceFile, int? Partition, long Offset)>? warehouseLineage,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        var highWatermarks = TopicInventory.HighWatermarks(configuration, topic);
        var problems = new List<string>();
        TopicInventory.CheckSequences(configuration, topic, highWatermarks, problems, cancellationToken);

        // Files retention deleted still count, from the offsets and lineage its ledger kept for them.
        var ledger = await RetentionLedger.ReadAsync(store, cancellationToken);
        var lake = new AddressTally("lake", highWatermarks);
        await LakeInventory.CountAsync(store, topic, ledger, lake, problems, cancellationToken);
        var model = new AddressTally("model", highWatermarks);
        await ModelInventory.CountAsync(store, topic, ledger, model, cancellationToken);
        var warehouse = new AddressTally("warehouse", highWatermarks);
        if (warehouseLineage is not null)
        {
            await foreach (var (table, sourceFile, partition, offset) in warehouseLineage.WithCancellation(cancellationToken))
            {
                if (LakeLayout.TryParseRawFileKey(sourceFile, out var id) && id.SourceTopic == topic)
                {
                    warehouse.Add(new RecordAddress(partition ?? id.Partition, offset), $"{table} (from {sourceFile})");
                }
            }
        }

        return new VerificationReport(
            topic,
            highWatermarks.Values.Sum(),
            lake.Seen,
            model.Seen,
            warehouseLineage is null ? null : warehouse.Seen,
            [.. lake.Discrepancies(), .. model.Discrepancies(), .. warehouseLineage is null ? [] : warehouse.Discrepancies()],
            problems);
    }
}
