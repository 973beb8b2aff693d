using CartStream.Warehouse.Schema;
using Npgsql;
using NpgsqlTypes;
using Parquet;
using Parquet.Schema;

namespace CartStream.Warehouse.Backends;

/// <summary>
/// One column of a Parquet row group read into a typed array, written value by value into a binary COPY:
/// no boxing per value, so the COPY runs at the speed of the wire.
/// </summary>
internal abstract class ParquetColumn
{
    public static ParquetColumn For(Column column, DataField field) => column.Type switch
    {
        ColumnType.Text => new TextColumn(field),
        ColumnType.Int => field.IsNullable ? new NullableColumn<int>(field, NpgsqlDbType.Integer) : new ValueColumn<int>(field, NpgsqlDbType.Integer),
        ColumnType.BigInt => field.IsNullable ? new NullableColumn<long>(field, NpgsqlDbType.Bigint) : new ValueColumn<long>(field, NpgsqlDbType.Bigint),
        ColumnType.Money or ColumnType.Fraction or ColumnType.Rate or ColumnType.Total =>
            field.IsNullable ? new NullableColumn<decimal>(field, NpgsqlDbType.Numeric) : new ValueColumn<decimal>(field, NpgsqlDbType.Numeric),
        ColumnType.TimestampUtc => new DateTimeColumn(field, asDate: false),
        ColumnType.Date => new DateTimeColumn(field, asDate: true),
        ColumnType.Bool => field.IsNullable ? new NullableColumn<bool>(field, NpgsqlDbType.Boolean) : new ValueColumn<bool>(field, NpgsqlDbType.Boolean),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public abstract Task ReadAsync(ParquetRowGroupReader rowGroup, int rows, CancellationToken cancellationToken);

    public abstract void Write(NpgsqlBinaryImporter importer, int row);

    private sealed class TextColumn(DataField field) : ParquetColumn
    {
        private string?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows, CancellationToken cancellationToken)
        {
            _values = new string?[rows];
            await rowGroup.ReadAsync(field, _values.AsMemory()!, null, cancellationToken);
        }

        public override void Write(NpgsqlBinaryImporter importer, int row)
        {
            if (_values[row] is { } value)
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    private sealed class ValueColumn<T>(DataField field, NpgsqlDbType type) : ParquetColumn
        where T : struct
    {
        private T[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows, CancellationToken cancellationToken)
        {
            _values = new T[rows];
            await rowGroup.ReadAsync(field, _values.AsMemory(), null, cancellationToken);
        }

        public override void Write(NpgsqlBinaryImporter importer, int row) => importer.Write(_values[row], type);
    }

    private sealed class NullableColumn<T>(DataField field, NpgsqlDbType type) : ParquetColumn
        where T : struct
    {
        private T?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows, CancellationToken cancellationToken)
        {
            _values = new T?[rows];
            await rowGroup.ReadAsync(field, _values.AsMemory(), null, cancellationToken);
        }

        public override void Write(NpgsqlBinaryImporter importer, int row)
        {
            if (_values[row] is { } value)
            {
                importer.Write(value, type);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    /// <summary>Timestamps and dates: Parquet.Net reads both as DateTime; they differ only in how they are written.</summary>
    private sealed class DateTimeColumn(DataField field, bool asDate) : ParquetColumn
    {
        private DateTime?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader rowGroup, int rows, CancellationToken cancellationToken)
        {
            _values = new DateTime?[rows];
            if (field.IsNullable)
            {
                await rowGroup.ReadAsync(field, _values.AsMemory(), null, cancellationToken);
                return;
            }

            var values = new DateTime[rows];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
            for (var i = 0; i < rows; i++)
            {
                _values[i] = values[i];
            }
        }

        public override void Write(NpgsqlBinaryImporter importer, int row)
        {
            if (_values[row] is not { } value)
            {
                importer.WriteNull();
            }
            else if (asDate)
            {
                importer.Write(DateOnly.FromDateTime(value), NpgsqlDbType.Date);
            }
            else
            {
                // The files hold UTC instants (isAdjustedToUTC); Npgsql writes timestamptz only from UTC DateTimes.
                importer.Write(DateTime.SpecifyKind(value, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            }
        }
    }
}
