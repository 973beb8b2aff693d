using DuckDB.NET.Data;

namespace CartStream.Testing.Lake;

/// <summary>DuckDB as the independent reader of the Parquet files the transform writes.</summary>
public static class DuckDb
{
    /// <summary>Runs <paramref name="sql"/> in an in-memory database, or in the database file <paramref name="database"/>.</summary>
    public static List<object?[]> Query(string sql, string database = ":memory:")
    {
        using var connection = new DuckDBConnection($"DataSource={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The single value <paramref name="sql"/> returns.</summary>
    public static object? Scalar(string sql, string database = ":memory:") => Query(sql, database).Single()[0];

    /// <summary>A glob over every part of a table in a local lake.</summary>
    public static string Parts(string lakeRoot, string table) =>
        table.StartsWith("dim_", StringComparison.Ordinal)
            ? $"'{lakeRoot}/DWH/{table}/*.parquet'"
            : $"'{lakeRoot}/DWH/{table}/*/*.parquet'";
}
