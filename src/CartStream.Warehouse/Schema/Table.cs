namespace CartStream.Warehouse.Schema;

/// <summary>A warehouse table: its columns, primary key and unique keys.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">Every column, in order.</param>
/// <param name="PrimaryKey">The primary key's columns (empty: none).</param>
/// <param name="UniqueKeys">Further unique keys.</param>
public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlyList<IReadOnlyList<string>>? UniqueKeys = null)
{
    /// <summary>The column names, comma-separated, in order.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The column called <paramref name="name"/>.</summary>
    public Column this[string name] => Columns.Single(c => c.Name == name);
}
