using CartStream.Warehouse;
using Microsoft.Extensions.Configuration;

namespace CartStream.Cli.Hosting;

/// <summary>The warehouse every command shares: <c>Warehouse</c> from configuration, DuckDB in the data directory by default.</summary>
public static class WarehouseSettings
{
    /// <summary>
    /// <paramref name="configuration"/> with the embedded DuckDB file placed under <paramref name="data"/> unless
    /// configuration names another, and <paramref name="backend"/> / <paramref name="connectionString"/> from the command line winning.
    /// </summary>
    public static IConfiguration Apply(IConfiguration configuration, DataDirectory data, string? backend = null, string? connectionString = null)
    {
        var w = WarehouseOptions.SectionName;
        var overrides = new Dictionary<string, string?>
        {
            [$"{w}:{nameof(WarehouseOptions.DuckDbPath)}"] = configuration[$"{w}:{nameof(WarehouseOptions.DuckDbPath)}"] ?? data.WarehouseFile,
        };
        if (backend is not null)
        {
            overrides[$"{w}:{nameof(WarehouseOptions.Backend)}"] = backend == "postgres" ? nameof(WarehouseBackend.Postgres) : nameof(WarehouseBackend.DuckDb);
        }

        if (connectionString is not null)
        {
            overrides[$"{w}:{nameof(WarehouseOptions.PostgresConnectionString)}"] = connectionString;
        }

        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The validated warehouse options of <paramref name="configuration"/> (after <see cref="Apply"/>).</summary>
    public static WarehouseOptions Load(IConfiguration configuration) => OptionsLoader.Load<WarehouseOptions>(configuration, WarehouseOptions.SectionName);
}
