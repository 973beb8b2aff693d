using System.Data.Common;
using System.Net.Sockets;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;
using Npgsql;
using NpgsqlTypes;
using Parquet;

namespace CartStream.Warehouse.Backends;

/// <summary>
/// The PostgreSQL warehouse: each Parquet file is streamed row group by row group into its stage table with a
/// binary COPY, then merged by the same SQL as DuckDB. The session runs in UTC.
/// </summary>
internal sealed class PostgresWarehouse : WarehouseDatabase
{
    private readonly NpgsqlConnection _connection;
    private readonly bool _redshiftMerge;

    private PostgresWarehouse(NpgsqlConnection connection, bool redshiftMerge)
        : base(SqlDialect.Postgres)
    {
        _connection = connection;
        _redshiftMerge = redshiftMerge;
    }

    public override DbConnection Connection => _connection;

    public static async Task<PostgresWarehouse> OpenAsync(WarehouseOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new WarehouseException("Warehouse:PostgresConnectionString is not set (or pass --connection-string).");
        }

        var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { Timezone = "UTC" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new PostgresWarehouse(connection, options.PostgresUsesRedshiftMerge);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connection refused, reset or timed out, or a server shutting down: worth a retry.</summary>
    public static bool IsUnreachable(Exception error) =>
        error is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
        || error.InnerException is SocketException or TimeoutException;

    public override bool IsTransient(Exception error) => IsUnreachable(error);

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();

    protected override IEnumerable<string> MergeStatements() =>
        _redshiftMerge ? Redshift.RedshiftMergeSql.Merge(Dialect) : base.MergeStatements();

    protected override async Task<long> StageAsync(LakeFile file, int index, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var stage = MergeSql.StageOf(file.Table);
        var eventDate = stage.Columns.Count > file.Table.Columns.Count
            ? LakeTables.EventDateOf(file.Key) ?? throw new BadLakeFileException(file.Key, "a rejected file outside an event_date=YYYY-MM-DD folder")
            : (DateOnly?)null;

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(file.LocalPath, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BadLakeFileException(file.Key, $"not a readable Parquet file ({e.Message})", e);
        }

        await using (reader)
        {
            var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            var missing = file.Table.Columns.Where(c => !fields.ContainsKey(c.Name)).Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                throw new BadLakeFileException(file.Key, $"not a {file.Table.Name} file: no column {string.Join(", ", missing)}");
            }

            var columns = file.Table.Columns.Select(c => ParquetColumn.For(c, fields[c.Name])).ToList();
            var target = (eventDate is null ? file.Table.ColumnList : file.Table.ColumnList + ", event_date") + ", stage_file";
            long rows = 0;
            await using var importer = await _connection.BeginBinaryImportAsync($"COPY {stage.Name} ({target}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var rowGroup = reader.OpenRowGroupReader(g);
                var count = checked((int)rowGroup.RowCount);
                try
                {
                    foreach (var column in columns)
                    {
                        await column.ReadAsync(rowGroup, count, cancellationToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException and not NpgsqlException)
                {
                    throw new BadLakeFileException(file.Key, $"not a readable {file.Table.Name} Parquet file ({e.Message})", e);
                }

                for (var row = 0; row < count; row++)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in columns)
                    {
                        column.Write(importer, row);
                    }

                    if (eventDate is { } date)
                    {
                        importer.Write(date, NpgsqlDbType.Date);
                    }

                    importer.Write(index, NpgsqlDbType.Integer);
                }

                rows += count;
            }

            await importer.CompleteAsync(cancellationToken);
            return rows;
        }
    }
}
