using System.Data.Common;
using System.Runtime.CompilerServices;

namespace CartStream.Warehouse;

/// <summary>What the warehouse holds, for the pipeline's "every event is one row" accounting.</summary>
public sealed partial class WarehouseLoader
{
    /// <summary>Rows in <c>fact_sales</c> and in <c>rejected</c>.</summary>
    public Task<(long Facts, long Rejected)> CountRowsAsync(CancellationToken cancellationToken = default) =>
        WithRetriesAsync(
            async db => (await db.ScalarAsync("SELECT count(*) FROM fact_sales", null, cancellationToken),
                         await db.ScalarAsync("SELECT count(*) FROM rejected", null, cancellationToken)),
            cancellationToken);

    /// <summary>Keys of the lake files in the load manifest (the quality reports and the Parquet files they listed).</summary>
    public async Task<IReadOnlySet<string>> LoadedKeysAsync(CancellationToken cancellationToken = default)
    {
        var manifest = await WithRetriesAsync(db => db.ReadManifestAsync(cancellationToken), cancellationToken);
        return manifest.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The lineage of every row of <c>fact_sales</c> and <c>rejected</c>: the raw or dead-letter file it came from,
    /// its Kafka partition (rejected rows only; a fact's partition is in its file's name) and offset.
    /// </summary>
    public async IAsyncEnumerable<(string Table, string SourceFile, int? Partition, long Offset)> ReadLineageAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (table, sql) in new[]
        {
            ("fact_sales", "SELECT source_file, CAST(NULL AS INTEGER), source_offset FROM fact_sales"),
            ("rejected", "SELECT source_file, source_partition, source_offset FROM rejected"),
        })
        {
            var rows = await WithRetriesAsync(db => ReadAsync(db.Command(sql, null), cancellationToken), cancellationToken);
            foreach (var (file, partition, offset) in rows)
            {
                yield return (table, file, partition, offset);
            }
        }
    }

    private static async Task<List<(string File, int? Partition, long Offset)>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<(string, int?, long)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt64(2)));
            }

            return rows;
        }
    }
}
