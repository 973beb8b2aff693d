using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Lake.Storage;
using CartStream.Warehouse;
using CartStream.Warehouse.Loading;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream load</c>: every transform batch not yet loaded -> the warehouse (DuckDB or PostgreSQL), idempotently.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var warehouseOptions = new WarehouseCommandOptions();
        var follow = new Option<bool>("--follow")
        {
            Description = "Keep going: look for newly published transform batches every --interval until Ctrl-C (the multi-process pipeline's trigger).",
        };
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "With --follow: how often to look for new batches.",
            HelpName = "T",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(2),
        };
        var metricsUrls = CommonOptions.MetricsUrls();
        var command = new Command(
            "load",
            "Load every transform batch not yet loaded (DWH/quality/ reports and the Parquet files they list) into the warehouse, " +
            "one batch per transaction; files already loaded are skipped, a batch with an unreadable file is quarantined.")
        {
            dataDir,
            follow,
            interval,
            metricsUrls,
        };
        warehouseOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var data = new DataDirectory(parse.GetValue(dataDir));
            var configuration = warehouseOptions.Apply(CliConfiguration.Build(), data, parse);
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(
                    configuration, data, "cartstream-load", cancellationToken, alerts: parse.GetValue(follow), metricsUrls: parse.GetValue(metricsUrls), status: error);
                var logging = monitoring.Logging;
                var options = WarehouseSettings.Load(configuration);
                using var store = LakeStore.Open(configuration, data, logging);
                await using var loader = await WarehouseLoader.OpenAsync(store, options, logging.CreateLogger("CartStream.Warehouse"), cancellationToken);
                var target = options.Backend == WarehouseBackend.DuckDb ? options.DuckDbPath : "PostgreSQL";
                using var databaseSize = options.Backend == WarehouseBackend.DuckDb ? WarehouseFileMetrics.Track(options.DuckDbPath!) : null;
                if (parse.GetValue(follow))
                {
                    await output.WriteLineAsync($"load: following {store.Location} into {target}. Ctrl-C stops.");
                    var quarantined = 0;
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var round = await loader.LoadPendingAsync(cancellationToken);
                        await PrintAsync(output, round, target, quiet: true);
                        quarantined += round.Quarantined;
                        try
                        {
                            await Task.Delay(parse.GetValue(interval), cancellationToken);
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }

                    return quarantined > 0 ? 3 : 0;
                }

                var summary = await loader.LoadPendingAsync(cancellationToken);
                if (summary.Batches.Count == 0)
                {
                    await output.WriteLineAsync($"Nothing new to load from {store.Location} into {target}.");
                    return 0;
                }

                await PrintAsync(output, summary, target, quiet: false);
                return summary.Quarantined > 0 ? 3 : 0;
            }
            catch (Exception e) when (e is OptionsValidationException or ObjectStoreException or WarehouseException or ArgumentException)
            {
                await error.WriteLineAsync($"load: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, LoadSummary summary, string? target, bool quiet)
    {
        if (quiet && summary.Batches.Count == 0)
        {
            return;
        }

        foreach (var batch in summary.Batches)
        {
            await output.WriteLineAsync(batch.ToSummary());
        }

        await output.WriteLineAsync($"{summary.Loaded} batch(es) loaded into {target}: {summary.Facts} fact(s), {summary.Rejected} rejected row(s); {summary.Quarantined} quarantined (see load_quarantine).");
    }
}
