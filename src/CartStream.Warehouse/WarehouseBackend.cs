namespace CartStream.Warehouse;

/// <summary>Where the warehouse lives.</summary>
public enum WarehouseBackend
{
    /// <summary>An embedded DuckDB file (the default on one machine).</summary>
    DuckDb,

    /// <summary>A PostgreSQL server reached by connection string.</summary>
    Postgres,
}
