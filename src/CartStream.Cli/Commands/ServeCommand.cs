using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Warehouse;
using CartStream.Warehouse.Queries;
using CartStream.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream serve</c>: the dashboards and their JSON API over the warehouse, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen (semicolon-separated). Default {WebAppOptions.DefaultUrls}: loopback only. Overrides Web:Urls.",
            HelpName = "URL",
        };
        var backend = new Option<string?>("--backend")
        {
            Description = "duckdb (embedded, <data-dir>/warehouse/cartstream.duckdb) or postgres. Overrides Warehouse:Backend.",
            HelpName = "duckdb|postgres",
        };
        backend.AcceptOnlyFromAmong("duckdb", "postgres");
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = "Npgsql connection string of the PostgreSQL warehouse. Overrides Warehouse:PostgresConnectionString.",
            HelpName = "CS",
        };
        var command = new Command(
            "serve",
            "Serve the dashboards (analyst, What-If, operations pages), their JSON API under /api and Prometheus /metrics, " +
            "reading the warehouse through its query layer; logs under <data-dir>/logs.")
        {
            dataDir,
            urls,
            backend,
            connectionString,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(parse.GetValue(dataDir));
            var w = WarehouseOptions.SectionName;
            var file = CliConfiguration.Build();
            var configuration = CliConfiguration.Build(new Dictionary<string, string?>
            {
                [$"{w}:{nameof(WarehouseOptions.DuckDbPath)}"] = file[$"{w}:{nameof(WarehouseOptions.DuckDbPath)}"] ?? data.WarehouseFile,
                [$"{w}:{nameof(WarehouseOptions.Backend)}"] = parse.GetValue(backend) switch
                {
                    "postgres" => nameof(WarehouseBackend.Postgres),
                    "duckdb" => nameof(WarehouseBackend.DuckDb),
                    _ => file[$"{w}:{nameof(WarehouseOptions.Backend)}"],
                },
                [$"{w}:{nameof(WarehouseOptions.PostgresConnectionString)}"] =
                    parse.GetValue(connectionString) ?? file[$"{w}:{nameof(WarehouseOptions.PostgresConnectionString)}"],
                [$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.Urls)}"] =
                    parse.GetValue(urls) ?? file[$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.Urls)}"] ?? WebAppOptions.DefaultUrls,
                [$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.LogDirectory)}"] =
                    file[$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.LogDirectory)}"] ?? data.Logs,
            });
            try
            {
                var warehouse = OptionsLoader.Load<WarehouseOptions>(configuration, WarehouseOptions.SectionName);
                var web = OptionsLoader.Load<WebAppOptions>(configuration, WebAppOptions.SectionName);
                if (warehouse.Backend == WarehouseBackend.DuckDb)
                {
                    DataDirectory.EnsureParent(warehouse.DuckDbPath!);
                }

                await using var app = WebApp.Build(web, async ct => await WarehouseQueries.OpenAsync(warehouse, ct), configuration);
                await app.StartAsync(cancellationToken);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteLineAsync($"Dashboards on {string.Join(", ", app.Urls)} (warehouse: {(warehouse.Backend == WarehouseBackend.DuckDb ? warehouse.DuckDbPath : "PostgreSQL")}). Ctrl+C stops.");
                await output.FlushAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (Exception e) when (e is OptionsValidationException or WarehouseException or ArgumentException or IOException or System.ComponentModel.DataAnnotations.ValidationException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"serve: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
