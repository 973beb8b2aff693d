namespace CartStream.Warehouse.Schema;

/// <summary>One column of a warehouse table.</summary>
/// <param name="Name">The column name (the transform's Parquet name for lake tables).</param>
/// <param name="Type">The logical type.</param>
/// <param name="Nullable">Whether the column may be empty.</param>
public sealed record Column(string Name, ColumnType Type, bool Nullable = false);
