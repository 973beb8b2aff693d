using global::Parquet;
using global::Parquet.Schema;

namespace CartStream.Transform.Parquet;

/// <summary>Rows of one table part held column by column, ready for <see cref="ParquetPartWriter"/>.</summary>
internal interface IParquetTable
{
    /// <summary>The table's Parquet schema.</summary>
    ParquetSchema Schema { get; }

    /// <summary>Rows held.</summary>
    int Count { get; }

    /// <summary>Low-cardinality text columns that pay for dictionary encoding.</summary>
    IReadOnlyList<DataField> DictionaryColumns { get; }

    /// <summary>Writes every column, in schema order, into one row group.</summary>
    Task WriteColumnsAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);
}
