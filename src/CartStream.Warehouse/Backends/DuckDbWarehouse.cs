using System.Data.Common;
using System.Globalization;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;
using DuckDB.NET.Data;

namespace CartStream.Warehouse.Backends;

/// <summary>The embedded DuckDB warehouse: one file, its memory and threads bounded by the options, its session in UTC.</summary>
internal sealed class DuckDbWarehouse : WarehouseDatabase
{
    private readonly DuckDBConnection _connection;

    private DuckDbWarehouse(DuckDBConnection connection)
        : base(SqlDialect.DuckDb)
    {
        _connection = connection;
    }

    public override DbConnection Connection => _connection;

    /// <summary>Opens (creating if needed) the database file and configures the session.</summary>
    public static async Task<DuckDbWarehouse> OpenAsync(WarehouseOptions options, CancellationToken cancellationToken)
    {
        var path = options.DuckDbPath ?? throw new WarehouseException("Warehouse:DuckDbPath is not set.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new DuckDBConnection($"DataSource={path}");
        await connection.OpenAsync(cancellationToken);
        var warehouse = new DuckDbWarehouse(connection);
        try
        {
            // Validated by the options (a number and a unit; a count), so they can be spelled into SET, which takes no parameters.
            await warehouse.ExecuteAsync($"SET memory_limit = '{options.DuckDbMemoryLimit}'", null, cancellationToken);
            await warehouse.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"SET threads = {options.DuckDbThreads}"), null, cancellationToken);
            await warehouse.ExecuteAsync("SET TimeZone = 'UTC'", null, cancellationToken);
            return warehouse;
        }
        catch
        {
            await warehouse.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();

    protected override async Task<long> StageAsync(LakeFile file, int index, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var stage = MergeSql.StageOf(file.Table);
        var path = file.LocalPath.Replace("'", "''", StringComparison.Ordinal);
        var columns = file.Table.ColumnList;
        var extra = "";
        if (stage.Columns.Count > file.Table.Columns.Count)
        {
            var date = LakeTables.EventDateOf(file.Key) ?? throw new BadLakeFileException(file.Key, "a rejected file outside an event_date=YYYY-MM-DD folder");
            extra = $", DATE '{date:yyyy-MM-dd}'";
        }

        try
        {
            return await ScalarOrRowsAsync(
                string.Create(CultureInfo.InvariantCulture, $"INSERT INTO {stage.Name} ({stage.ColumnList}, stage_file) SELECT {columns}{extra}, {index} FROM read_parquet('{path}')"),
                transaction, cancellationToken);
        }
        catch (DuckDBException e)
        {
            throw new BadLakeFileException(file.Key, $"not a readable {file.Table.Name} Parquet file ({FirstLine(e.Message)})", e);
        }
    }

    protected override async Task<Dictionary<string, long>?> StageAllAsync(IReadOnlyList<LakeFile> files, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var indexOf = files.Select((f, i) => (f.LocalPath, i)).ToDictionary(f => f.LocalPath, f => f.i, StringComparer.Ordinal);
        foreach (var table in files.GroupBy(f => f.Table.Name, StringComparer.Ordinal))
        {
            var first = table.First();
            var stage = MergeSql.StageOf(first.Table);
            var paths = string.Join(", ", table.Select(f => Quote(f.LocalPath)));
            // Each row's file index by a join on the file name: a hash join on a few dozen names, not a CASE per row.
            var indexes = string.Join(", ", table.Select(f => string.Create(CultureInfo.InvariantCulture, $"({Quote(f.LocalPath)}, {indexOf[f.LocalPath]})")));
            var extra = "";
            if (stage.Columns.Count > first.Table.Columns.Count)
            {
                foreach (var file in table)
                {
                    _ = LakeTables.EventDateOf(file.Key) ?? throw new BadLakeFileException(file.Key, "a rejected file outside an event_date=YYYY-MM-DD folder");
                }

                // Each file's event date from its folder, as staging one by one spells it into the statement.
                extra = ", CAST(regexp_extract(filename, '/event_date=([0-9]{4}-[0-9]{2}-[0-9]{2})/[^/]*$', 1) AS DATE)";
            }

            try
            {
                // One scan of all the table's files: read in parallel, and one statement instead of one per file.
                await ScalarOrRowsAsync(
                    $"""
                    INSERT INTO {stage.Name} ({stage.ColumnList}, stage_file)
                    SELECT {first.Table.ColumnList}{extra}, i.stage_file
                    FROM read_parquet([{paths}], filename = true) JOIN (VALUES {indexes}) i(path, stage_file) ON i.path = filename
                    """,
                    transaction, cancellationToken);
                await using var command = Command($"SELECT file_name, num_rows FROM parquet_file_metadata([{paths}])", transaction);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var byPath = table.ToDictionary(f => f.LocalPath, f => f.Key, StringComparer.Ordinal);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (byPath.TryGetValue(reader.GetString(0), out var key))
                    {
                        rows[key] = reader.GetInt64(1);
                    }
                }
            }
            catch (DuckDBException)
            {
                return null;
            }

            if (table.Any(f => !rows.ContainsKey(f.Key)))
            {
                return null;
            }
        }

        return rows;
    }

    private async Task<long> ScalarOrRowsAsync(string sql, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string path) => $"'{path.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
