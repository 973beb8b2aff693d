using System.Globalization;
using CartStream.Warehouse.Loading;
using DuckDB.NET.Data;

namespace CartStream.Warehouse.Backends;

/// <summary>
/// Turns a table's Parquet files into one CSV file in PostgreSQL's COPY dialect, read by an in-memory DuckDB:
/// a columnar, parallel Parquet reader and CSV writer, so the client no longer converts value by value and the
/// server parses one stream per table. NULL is an unquoted empty field and every other value is quoted, which is
/// how PostgreSQL's CSV COPY tells NULL from an empty string (and never reads a value as its end-of-data marker).
/// </summary>
internal sealed class ParquetCsvExport : IDisposable
{
    private readonly DuckDBConnection _duckDb;

    public ParquetCsvExport(WarehouseOptions options)
    {
        _duckDb = new DuckDBConnection("DataSource=:memory:");
        _duckDb.Open();
        // Validated by the options; timestamps are written as UTC instants (+00).
        Execute($"SET memory_limit = '{options.DuckDbMemoryLimit}'");
        Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {options.DuckDbThreads}"));
        Execute("SET TimeZone = 'UTC'");
    }

    /// <summary>
    /// Writes the rows of <paramref name="files"/> (all of one lake table) to <paramref name="csvPath"/> in the
    /// column order of the table's stage (contract columns, the event date of rejected files, <c>stage_file</c>
    /// from <paramref name="indexOf"/>), and returns each file's row count; null when some file cannot be read.
    /// </summary>
    public Dictionary<string, long>? Export(IReadOnlyList<LakeFile> files, IReadOnlyDictionary<string, int> indexOf, string csvPath)
    {
        var table = files[0].Table;
        var paths = string.Join(", ", files.Select(f => Quote(f.LocalPath)));
        var indexes = string.Join(", ", files.Select(f => string.Create(CultureInfo.InvariantCulture, $"({Quote(f.LocalPath)}, {indexOf[f.Key]})")));
        var extra = MergeSql.StageOf(table).Columns.Count > table.Columns.Count
            ? ", CAST(regexp_extract(filename, '/event_date=([0-9]{4}-[0-9]{2}-[0-9]{2})/[^/]*$', 1) AS DATE)"
            : "";
        try
        {
            Execute(
                $"""
                COPY (
                    SELECT {table.ColumnList}{extra}, i.stage_file
                    FROM read_parquet([{paths}], filename = true) JOIN (VALUES {indexes}) i(path, stage_file) ON i.path = filename
                ) TO {Quote(csvPath)} (FORMAT csv, HEADER false, FORCE_QUOTE *)
                """);
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            var keyOf = files.ToDictionary(f => f.LocalPath, f => f.Key, StringComparer.Ordinal);
            using var command = _duckDb.CreateCommand();
            command.CommandText = $"SELECT file_name, num_rows FROM parquet_file_metadata([{paths}])";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (keyOf.TryGetValue(reader.GetString(0), out var key))
                {
                    rows[key] = reader.GetInt64(1);
                }
            }

            return files.All(f => rows.ContainsKey(f.Key)) ? rows : null;
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    public void Dispose() => _duckDb.Dispose();

    private void Execute(string sql)
    {
        using var command = _duckDb.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
