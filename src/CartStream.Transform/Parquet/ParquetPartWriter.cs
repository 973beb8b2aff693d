using System.IO.Compression;
using global::Parquet;

namespace CartStream.Transform.Parquet;

/// <summary>Writes one table part as a Parquet file: zstd, one row group, dictionary encoding where it pays.</summary>
internal static class ParquetPartWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="output"/> (seekable, left open).</summary>
    public static async Task WriteAsync(IParquetTable table, Stream output, CancellationToken cancellationToken)
    {
        var options = new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            // Parquet.Net's default level (SmallestSize) measured 80x slower here for a few percent of size.
            CompressionLevel = CompressionLevel.Optimal,
            // Dictionary-encode text columns with at most 20 % distinct values, judged on a sample first so that
            // unique columns (event_id, order_id) are not scanned whole for nothing.
            DictionaryEncodingThreshold = 0.2,
            DictionaryEncodingSampleSize = 1000,
        };
        foreach (var field in table.DictionaryColumns)
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        await using var writer = await ParquetWriter.CreateAsync(table.Schema, output, options, append: false, cancellationToken);
        using var rowGroup = writer.CreateRowGroup();
        await table.WriteColumnsAsync(rowGroup, cancellationToken);
    }
}
