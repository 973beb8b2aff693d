using CartStream.Warehouse.Backends;

namespace CartStream.Warehouse.Loading;

/// <summary>Opens the backend the options name, and says which of its errors mean "unreachable".</summary>
internal static class WarehouseDatabases
{
    public static async Task<WarehouseDatabase> OpenAsync(WarehouseOptions options, CancellationToken cancellationToken) => options.Backend switch
    {
        WarehouseBackend.DuckDb => await DuckDbWarehouse.OpenAsync(options, cancellationToken),
        WarehouseBackend.Postgres => await PostgresWarehouse.OpenAsync(options, cancellationToken),
        _ => throw new WarehouseException($"Warehouse backend {options.Backend} is not supported."),
    };

    /// <summary>Whether <paramref name="error"/> means the server was unreachable, also when it happened while connecting.</summary>
    public static bool IsTransient(WarehouseOptions options, WarehouseDatabase? database, Exception error) =>
        database?.IsTransient(error) ?? (options.Backend == WarehouseBackend.Postgres && PostgresWarehouse.IsUnreachable(error));
}
