using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Warehouse;
using Microsoft.Extensions.Configuration;
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
        var warehouseOptions = new WarehouseCommandOptions();
        var command = new Command(
            "serve",
            "Serve the dashboards (analyst, What-If, operations pages), their JSON API under /api and Prometheus /metrics, " +
            "reading the warehouse through its query layer; logs under <data-dir>/logs.")
        {
            dataDir,
            urls,
        };
        warehouseOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(parse.GetValue(dataDir));
            var file = warehouseOptions.Apply(CliConfiguration.Build(), data, parse);
            var configuration = new ConfigurationBuilder().AddConfiguration(file).AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.Urls)}"] =
                    parse.GetValue(urls) ?? file[$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.Urls)}"] ?? WebAppOptions.DefaultUrls,
                [$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.LogDirectory)}"] =
                    file[$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.LogDirectory)}"] ?? data.Logs,
            }).Build();
            try
            {
                var warehouse = WarehouseSettings.Load(configuration);
                var web = OptionsLoader.Load<WebAppOptions>(configuration, WebAppOptions.SectionName);
                if (warehouse.Backend == WarehouseBackend.DuckDb)
                {
                    DataDirectory.EnsureParent(warehouse.DuckDbPath!);
                }

                using var databaseSize = warehouse.Backend == WarehouseBackend.DuckDb ? WarehouseFileMetrics.Track(warehouse.DuckDbPath!) : null;

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
