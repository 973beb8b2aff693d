using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Retention;
using CartStream.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream cleanup</c>: retention of the lake, the seed's <c>s3_cleanup</c>.</summary>
internal static class CleanupCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted (key, area, size, reason) and delete nothing." };
        var command = new Command(
            "cleanup",
            "Delete what the lake no longer needs: raw and dead-letter files once transformed and older than Retention:RawMaxAgeDays, " +
            "model parts once loaded into the warehouse and older than Retention:WarehouseMaxAgeDays (rejected rows: " +
            "Retention:RejectedMaxAgeDays). Never touches _state/, quarantine/ or anything it does not recognise. Every deletion " +
            "is recorded first in _state/retention/ledger/, so verify still reconciles afterwards.")
        {
            dataDir,
            dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(parse.GetValue(dataDir));
            var configuration = CliConfiguration.Build();
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(configuration, data, "cartstream-cleanup", cancellationToken, LogLevel.Warning, alerts: false);
                var logging = monitoring.Logging;
                var options = OptionsLoader.Load<RetentionOptions>(configuration, RetentionOptions.SectionName);
                using var store = LakeStore.Open(configuration, data, logging);
                // "Loaded" is the warehouse's load manifest when there is a warehouse (PostgreSQL configured, or the
                // embedded DuckDB file), else markers under _state/warehouse/loaded/ for a warehouse elsewhere that writes them.
                var warehouseOptions = WarehouseSettings.Load(WarehouseSettings.Apply(configuration, data));
                await using var loader = warehouseOptions.Backend == WarehouseBackend.Postgres || File.Exists(warehouseOptions.DuckDbPath)
                    ? await WarehouseLoader.OpenAsync(store, warehouseOptions, logging.CreateLogger("CartStream.Warehouse"), cancellationToken)
                    : null;
                ILoadedFiles loaded = loader is null ? new LakeLoadMarkers(store) : new WarehouseLoadedFiles(loader);
                var cleaner = new RetentionCleaner(store, options, loaded, logger: logging.CreateLogger<RetentionCleaner>());
                var result = await cleaner.RunAsync(parse.GetValue(dryRun), cancellationToken);
                await parse.InvocationConfiguration.Output.WriteAsync(result.ToText());
                return 0;
            }
            catch (OptionsValidationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"cleanup: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
