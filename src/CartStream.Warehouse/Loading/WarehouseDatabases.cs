using CartStream.Warehouse.Backends;

namespace CartStream.Warehouse.Loading;

/// <summary>Opens the backend the options name, and says which of its errors mean "unreachable".</summary>
internal static class WarehouseDatabases
{
    public static async Task<WarehouseDatabase> OpenAsync(WarehouseOptions options, CancellationToken cancellationToken) => options.Backend switch
    {
        WarehouseBackend.DuckDb => await DuckDbWarehouse.OpenAsync(options, cancellationToken),
        _ => throw new WarehouseException($"Warehouse backend {options.Backend} is not supported."),
    };

    public static bool IsTransient(WarehouseOptions options, WarehouseDatabase? database, Exception error) =>
        database?.IsTransient(error) ?? false;
}
