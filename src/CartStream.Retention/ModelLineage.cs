using CartStream.Lake;
using CartStream.Lake.Storage;
using Parquet;
using Parquet.Schema;

namespace CartStream.Retention;

/// <summary>
/// The lineage columns of a model file's rows, as the transform writes them (docs/transform.md): the raw file each
/// row came from, its Kafka partition (rejected rows only; a fact row's partition is in its raw file's name) and
/// its offset.
/// </summary>
/// <param name="Rows">How many rows the file holds.</param>
/// <param name="Files">The <c>source_file</c> of each row, or null when the file has no lineage columns.</param>
/// <param name="Partitions">The <c>source_partition</c> of each row, or null when the file has no such column.</param>
/// <param name="Offsets">The <c>source_offset</c> of each row, or null when the file has no lineage columns.</param>
public sealed record ModelLineage(long Rows, string?[]? Files, int[]? Partitions, long[]? Offsets)
{
    /// <summary>
    /// Where each row with lineage sits in its topic: the topic (without <c>-dlq</c>), partition and offset. Rows
    /// whose source file is not a raw file key are left out.
    /// </summary>
    public IEnumerable<(string Topic, int Partition, long Offset)> Addresses()
    {
        if (Files is null || Offsets is null)
        {
            yield break;
        }

        for (var row = 0; row < Files.Length; row++)
        {
            if (Files[row] is { } source && LakeLayout.TryParseRawFileKey(source, out var id))
            {
                yield return (id.SourceTopic, Partitions?[row] ?? id.Partition, Offsets[row]);
            }
        }
    }

    /// <summary>Reads the row count and, when the file has them, the lineage columns of the Parquet file <paramref name="key"/>.</summary>
    public static async Task<ModelLineage> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var stream = new MemoryStream(await store.ReadAllBytesAsync(key, cancellationToken));
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        var fields = reader.Schema.GetDataFields();
        DataField? Field(string name) => Array.Find(fields, f => f.Name == name);

        var rows = 0L;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            rows += rowGroup.RowCount;
        }

        var (fileField, offsetField, partitionField) = (Field("source_file"), Field("source_offset"), Field("source_partition"));
        if (fileField is null || offsetField is null)
        {
            return new ModelLineage(rows, null, null, null);
        }

        var files = new string?[rows];
        var offsets = new long[rows];
        var partitions = partitionField is null ? null : new int[rows];
        var at = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = (int)rowGroup.RowCount;
            await rowGroup.ReadAsync(fileField, files.AsMemory(at, count), null, cancellationToken);
            await rowGroup.ReadAsync(offsetField, offsets.AsMemory(at, count), null, cancellationToken);
            if (partitionField is not null)
            {
                await rowGroup.ReadAsync(partitionField, partitions.AsMemory(at, count), null, cancellationToken);
            }

            at += count;
        }

        return new ModelLineage(rows, files, partitions, offsets);
    }
}
