using System.CommandLine;
using CartStream.Cli.Hosting;
using Microsoft.Extensions.Configuration;

namespace CartStream.Cli.Commands;

/// <summary>The options of a command that opens the warehouse (<c>load</c>, <c>serve</c>): which backend, and where.</summary>
internal sealed class WarehouseCommandOptions
{
    public WarehouseCommandOptions()
    {
        Backend.AcceptOnlyFromAmong("duckdb", "postgres");
    }

    public Option<string?> Backend { get; } = new("--backend")
    {
        Description = "duckdb (embedded, <data-dir>/warehouse/cartstream.duckdb) or postgres. Overrides Warehouse:Backend.",
        HelpName = "duckdb|postgres",
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "Npgsql connection string of the PostgreSQL warehouse. Overrides Warehouse:PostgresConnectionString.",
        HelpName = "CS",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Backend);
        command.Options.Add(ConnectionString);
    }

    /// <summary><paramref name="configuration"/> with the warehouse placed in <paramref name="data"/> and the command line winning.</summary>
    public IConfiguration Apply(IConfiguration configuration, DataDirectory data, ParseResult parse) =>
        WarehouseSettings.Apply(configuration, data, parse.GetValue(Backend), parse.GetValue(ConnectionString));
}
