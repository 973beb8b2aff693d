using CartStream.Lake;
using CartStream.Lake.Storage;
using Parquet;
using Parquet.Schema;

namespace CartStream.Verification;

/// <summary>
/// The model's side: every record of the topic should be exactly one row of <c>DWH/fact_sales</c> or
/// <c>DWH/rejected</c>, found by the lineage columns the transform writes (docs/transform.md).
/// </summary>
internal static class ModelInventory
{
    public static async Task CountAsync(IObjectStore store, string topic, AddressTally tally, CancellationToken cancellationToken)
    {
        // fact_sales: the raw file's key names the partition; rejected rows carry it (dead letters come from -dlq files).
        await foreach (var file in store.ListAsync(LakeLayout.TablePrefix("fact_sales"), cancellationToken))
        {
            if (!file.Key.EndsWith(LakeLayout.ParquetExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var (sources, _, offsets) = await ReadLineageAsync(store, file.Key, withPartition: false, cancellationToken);
            for (var row = 0; row < sources.Length; row++)
            {
                if (sources[row] is { } source && LakeLayout.TryParseRawFileKey(source, out var id) && id.SourceTopic == topic)
                {
                    tally.Add(new RecordAddress(id.Partition, offsets[row]), file.Key);
                }
            }
        }

        await foreach (var file in store.ListAsync(LakeLayout.RejectedArea, cancellationToken))
        {
            if (!file.Key.EndsWith(LakeLayout.ParquetExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var (sources, partitions, offsets) = await ReadLineageAsync(store, file.Key, withPartition: true, cancellationToken);
            for (var row = 0; row < sources.Length; row++)
            {
                if (sources[row] is { } source && LakeLayout.TryParseRawFileKey(source, out var id) && id.SourceTopic == topic)
                {
                    tally.Add(new RecordAddress(partitions[row], offsets[row]), file.Key);
                }
            }
        }
    }

    /// <summary>The lineage columns of every row of a model file: source file, partition (rejected only) and offset.</summary>
    private static async Task<(string?[] Files, int[] Partitions, long[] Offsets)> ReadLineageAsync(IObjectStore store, string key, bool withPartition, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(await store.ReadAllBytesAsync(key, cancellationToken));
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        var fields = reader.Schema.GetDataFields();
        DataField Field(string name) => Array.Find(fields, f => f.Name == name)
            ?? throw new InvalidDataException($"{key} has no column '{name}': not a file of the model this build reads.");

        var rows = 0L;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            rows += rowGroup.RowCount;
        }

        var files = new string?[rows];
        var partitions = new int[withPartition ? rows : 0];
        var offsets = new long[rows];
        var at = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = (int)rowGroup.RowCount;
            await rowGroup.ReadAsync(Field("source_file"), files.AsMemory(at, count), null, cancellationToken);
            await rowGroup.ReadAsync(Field("source_offset"), offsets.AsMemory(at, count), null, cancellationToken);
            if (withPartition)
            {
                await rowGroup.ReadAsync(Field("source_partition"), partitions.AsMemory(at, count), null, cancellationToken);
            }

            at += count;
        }

        return (files, partitions, offsets);
    }
}
