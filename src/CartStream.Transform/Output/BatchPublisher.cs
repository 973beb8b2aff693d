using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Transform.Model;
using CartStream.Transform.Parquet;
using CartStream.Transform.Quality;

namespace CartStream.Transform.Output;

/// <summary>
/// Publishes a batch's model as Parquet parts under <c>DWH/</c> and its quality report beside them. Every key
/// carries the batch's part id (a hash of its input files), so publishing the same batch again replaces its own
/// files; each file appears atomically through the object store, and no temporary name ends in <c>.parquet</c>.
/// </summary>
internal static class BatchPublisher
{
    /// <summary>The folder of quality reports, beside the tables.</summary>
    public const string QualityPrefix = LakeLayout.WarehouseArea + "quality/";

    /// <summary>The report's key for a part id.</summary>
    public static string ReportKey(string partId) => $"{QualityPrefix}part-{partId}.json";

    /// <summary>Writes every part, then the report (which lists the parts). Returns the report as published.</summary>
    public static async Task PublishAsync(IObjectStore store, StarModelBatch model, QualityReport report, CancellationToken cancellationToken)
    {
        var partId = report.BatchId;
        var parts = new List<(string Key, IParquetTable Table)>();
        parts.AddRange(model.Facts.OrderBy(p => p.Key).Select(p => (LakeLayout.DatedPartFileKey(TableName.FactSales, p.Key, partId), (IParquetTable)p.Value)));
        parts.AddRange(model.Rejected.OrderBy(p => p.Key).Select(p => (LakeLayout.RejectedPartFileKey(p.Key, partId), (IParquetTable)p.Value)));
        parts.AddRange(TableName.Dimensions.Select(n => model.Dimensions[n]).Where(t => t.Count > 0)
            .Select(t => (LakeLayout.PartFileKey(t.Name, partId), (IParquetTable)t)));

        var previous = await ReadPreviousOutputsAsync(store, partId, cancellationToken);
        foreach (var (key, table) in parts)
        {
            using var buffer = new MemoryStream();
            await ParquetPartWriter.WriteAsync(table, buffer, cancellationToken);
            buffer.Position = 0;
            await store.PutAsync(key, buffer, cancellationToken);
            report.OutputFiles.Add(key);
        }

        // A re-run whose rows fall on other dates (a changed reference, an evicted dedup entry) must not leave the
        // first run's parts beside its own: those would double rows.
        foreach (var stale in previous.Except(report.OutputFiles, StringComparer.Ordinal))
        {
            await store.DeleteAsync(stale, cancellationToken);
        }

        await store.PutAsync(ReportKey(partId), System.Text.Encoding.UTF8.GetBytes(report.ToJson()), cancellationToken);

        // Counted once the report is out: a batch that failed before it is taken again and counted then.
        TransformMetrics.Records.Add(report.Records);
        foreach (var (rule, count) in model.RejectedByRule)
        {
            TransformMetrics.Rejected.Add(count, new KeyValuePair<string, object?>("rule", rule));
        }
    }

    private static async Task<IReadOnlyList<string>> ReadPreviousOutputsAsync(IObjectStore store, string partId, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(ReportKey(partId), cancellationToken))
        {
            return [];
        }

        var json = System.Text.Encoding.UTF8.GetString(await store.ReadAllBytesAsync(ReportKey(partId), cancellationToken));
        return QualityReport.FromJson(json).OutputFiles;
    }
}
