using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Lake.Storage;
using CartStream.Warehouse;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream load</c>: every transform batch not yet loaded -> the warehouse (DuckDB or PostgreSQL), idempotently.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var warehouseOptions = new WarehouseCommandOptions();
        var command = new Command(
            "load",
            "Load every transform batch not yet loaded (DWH/quality/ reports and the Parquet files they list) into the warehouse, " +
            "one batch per transaction; files already loaded are skipped, a batch with an unreadable file is quarantined.")
        {
            dataDir,
        };
        warehouseOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var data = new DataDirectory(parse.GetValue(dataDir));
            var configuration = warehouseOptions.Apply(CliConfiguration.Build(), data, parse);
            using var logging = ConsoleLogging.Create();
            try
            {
                var options = WarehouseSettings.Load(configuration);
                using var store = LakeStore.Open(configuration, data, logging);
                await using var loader = await WarehouseLoader.OpenAsync(store, options, logging.CreateLogger("CartStream.Warehouse"), cancellationToken);
                var summary = await loader.LoadPendingAsync(cancellationToken);
                var target = options.Backend == WarehouseBackend.DuckDb ? options.DuckDbPath : "PostgreSQL";
                if (summary.Batches.Count == 0)
                {
                    await output.WriteLineAsync($"Nothing new to load from {store.Location} into {target}.");
                    return 0;
                }

                foreach (var batch in summary.Batches)
                {
                    await output.WriteLineAsync(batch.ToSummary());
                }

                await output.WriteLineAsync($"{summary.Loaded} batch(es) loaded into {target}: {summary.Facts} fact(s), {summary.Rejected} rejected row(s); {summary.Quarantined} quarantined (see load_quarantine).");
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
}
