using System.CommandLine;
using CartStream.Lake.Storage;
using CartStream.Transform;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream transform</c>: raw files not yet transformed -> Parquet model, rejected rows and quality reports.</summary>
internal static class TransformCommand
{
    public static Command Create()
    {
        var dataDir = new Option<DirectoryInfo>("--data-dir")
        {
            Description = "Data folder; the lake is its lake/ subfolder (topics/ in, DWH/ out, _state/transform/ checkpoints).",
            HelpName = "D",
            DefaultValueFactory = _ => new DirectoryInfo("data"),
        };
        var filesPerBatch = new Option<int>("--files-per-batch")
        {
            Description = "Most raw files compacted into one set of Parquet parts.",
            HelpName = "N",
            DefaultValueFactory = _ => new TransformOptions().MaxFilesPerBatch,
        };
        var command = new Command("transform", "Validate, clean and de-duplicate raw events into the star-flake model in Parquet (catch-up or backfill run).")
        {
            dataDir,
            filesPerBatch,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var lakeRoot = Path.Combine(parseResult.GetRequiredValue(dataDir).FullName, "lake");
            Directory.CreateDirectory(lakeRoot);
            using var store = new LocalObjectStore(lakeRoot);
            var options = new TransformOptions { MaxFilesPerBatch = Math.Max(1, parseResult.GetValue(filesPerBatch)) };
            var reports = await new TransformRunner(store, options).RunOnceAsync(cancellationToken);
            if (reports.Count == 0)
            {
                output.WriteLine($"Nothing new to transform under {store.Location}.");
                return 0;
            }

            foreach (var report in reports)
            {
                output.Write(report.ToSummary());
            }

            output.WriteLine($"{reports.Sum(r => r.Records)} record(s) in {reports.Count} batch(es): {reports.Sum(r => r.Facts)} fact(s), {reports.Sum(r => r.Rejected)} rejected; quality reports under DWH/quality/.");
            return reports.Any(r => r.Quarantined.Count > 0) ? 3 : 0;
        });
        return command;
    }
}
