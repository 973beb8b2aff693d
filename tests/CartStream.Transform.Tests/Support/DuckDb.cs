using DuckDB.NET.Data;

namespace CartStream.Transform.Tests.Support;

/// <summary>DuckDB as the independent reader of the Parquet files the transform writes.</summary>
internal static class DuckDb
{
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
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

    public static object? Scalar(string sql) => Query(sql).Single()[0];

    /// <summary>A glob over every part of a table in a local lake.</summary>
    public static string Parts(string lakeRoot, string table) =>
        table.StartsWith("dim_", StringComparison.Ordinal)
            ? $"'{lakeRoot}/DWH/{table}/*.parquet'"
            : $"'{lakeRoot}/DWH/{table}/*/*.parquet'";
}
