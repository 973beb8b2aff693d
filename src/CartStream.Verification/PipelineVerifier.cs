using CartStream.Lake.Storage;
using CartStream.Retention;
using Microsoft.Extensions.Configuration;

namespace CartStream.Verification;

/// <summary>
/// Reconciles one events topic with the lake: the generator's sequences in the topic, every offset in exactly one
/// raw or dead-letter file, and every offset in exactly one row of <c>fact_sales</c> or <c>rejected</c>; files
/// retention deleted count from its ledger.
/// </summary>
public static class PipelineVerifier
{
    /// <summary>Verifies <paramref name="topic"/> on the Kafka cluster of <paramref name="configuration"/> against <paramref name="store"/>.</summary>
    public static async Task<VerificationReport> VerifyAsync(IConfiguration configuration, string topic, IObjectStore store, CancellationToken cancellationToken)
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
        return new VerificationReport(
            topic,
            highWatermarks.Values.Sum(),
            lake.Seen,
            model.Seen,
            [.. lake.Discrepancies(), .. model.Discrepancies()],
            problems);
    }
}
