using global::Parquet;
using global::Parquet.Schema;

namespace CartStream.Transform.Parquet;

/// <summary>
/// A dimension's rows seen in one batch, one per surrogate key (the first seen wins; the warehouse upserts).
/// Dimensions are small, so rows are kept as plain value arrays and typed only when written.
/// </summary>
internal sealed class DimensionTable(string name, params DataField[] fields) : IParquetTable
{
    private readonly Dictionary<long, object?[]> _rows = [];

    public string Name { get; } = name;

    public ParquetSchema Schema { get; } = new(fields);

    public int Count => _rows.Count;

    public IReadOnlyList<DataField> DictionaryColumns { get; } = [];

    /// <summary>True when a row with this key is held (check first: it saves building the row).</summary>
    public bool Contains(long key) => _rows.ContainsKey(key);

    /// <summary>Adds the row unless its key (the first value) is held already.</summary>
    public void TryAdd(long key, params object?[] values) => _rows.TryAdd(key, values);

    /// <summary>The rows, for tests and reports.</summary>
    public IEnumerable<object?[]> Rows => _rows.Values;

    public async Task WriteColumnsAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        var rows = _rows.OrderBy(r => r.Key).Select(r => r.Value).ToArray();
        var fields = Schema.DataFields;
        for (var c = 0; c < fields.Length; c++)
        {
            var field = fields[c];
            var column = c;
            switch (field)
            {
                case DateTimeDataField:
                    await WriteNullable(rowGroup, field, rows, column, v => (DateTime?)(v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : v), cancellationToken);
                    break;
                case DecimalDataField:
                    await WriteNullable(rowGroup, field, rows, column, v => (decimal?)v, cancellationToken);
                    break;
                case var _ when field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>):
                    await rowGroup.WriteAsync(field, rows.Select(r => (string?)r[column]).ToArray()!);
                    break;
                case var _ when field.ClrType == typeof(long):
                    await Write(rowGroup, field, rows, column, v => (long)v!, cancellationToken);
                    break;
                case var _ when field.ClrType == typeof(int):
                    await Write(rowGroup, field, rows, column, v => (int)v!, cancellationToken);
                    break;
                case var _ when field.ClrType == typeof(bool):
                    await Write(rowGroup, field, rows, column, v => (bool)v!, cancellationToken);
                    break;
                default:
                    throw new NotSupportedException($"{Name}.{field.Name}: column type {field.ClrType} is not written by dimensions.");
            }
        }
    }

    private static async Task Write<T>(ParquetRowGroupWriter rowGroup, DataField field, object?[][] rows, int column, Func<object?, T> convert, CancellationToken cancellationToken)
        where T : struct
    {
        var values = rows.Select(r => convert(r[column])).ToArray();
        await rowGroup.WriteAsync<T>(field, values.AsMemory(), cancellationToken: cancellationToken);
    }

    private static async Task WriteNullable<T>(ParquetRowGroupWriter rowGroup, DataField field, object?[][] rows, int column, Func<object?, T?> convert, CancellationToken cancellationToken)
        where T : struct
    {
        var values = rows.Select(r => convert(r[column])).ToArray();
        if (field.IsNullable)
        {
            await rowGroup.WriteAsync<T>(field, (ReadOnlyMemory<T?>)values.AsMemory(), cancellationToken: cancellationToken);
        }
        else
        {
            await rowGroup.WriteAsync<T>(field, values.Select(v => v!.Value).ToArray().AsMemory(), cancellationToken: cancellationToken);
        }
    }
}
