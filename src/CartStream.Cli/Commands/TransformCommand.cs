using System.CommandLine;
using System.Globalization;
using CartStream.Cli.Hosting;
using CartStream.Ingestion;
using CartStream.Lake.Storage;
using CartStream.Transform;
using CartStream.Transform.Follow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary>
/// <c>cartstream transform</c>: raw files not yet transformed -> Parquet model, rejected rows and quality reports,
/// once (catch-up or backfill) or, with <c>--follow</c>, as the sink announces them until Ctrl-C.
/// </summary>
internal static class TransformCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var filesPerBatch = new Option<int?>("--files-per-batch")
        {
            Description = "Most raw files compacted into one set of Parquet parts. Overrides Transform:MaxFilesPerBatch (default 256).",
            HelpName = "N",
        };
        var follow = new Option<bool>("--follow")
        {
            Description = "Keep running: transform files as the sink announces them on the files topic, list the lake " +
                "every Transform:Follow:ListingInterval (30 s) for lost announcements; Ctrl-C finishes the batch in progress and stops.",
        };
        var bootstrapServers = CommonOptions.BootstrapServers();
        var filesTopic = new Option<string?>("--files-topic")
        {
            Description = "With --follow: the topic the sink announces files on. Overrides Transform:Follow:FilesTopic (default cartstream.lake.files).",
            HelpName = "NAME",
        };
        var metricsUrls = CommonOptions.MetricsUrls();
        var command = new Command(
            "transform",
            "Validate, clean and de-duplicate raw events into the star-flake model in Parquet: once (catch-up or backfill), " +
            "or with --follow as files land. The lake is <data-dir>/lake unless Lake:Storage says S3.")
        {
            dataDir,
            filesPerBatch,
            follow,
            bootstrapServers,
            filesTopic,
            metricsUrls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var data = new DataDirectory(parse.GetValue(dataDir));
            var configuration = CliConfiguration.Build(new Dictionary<string, string?>
            {
                [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = parse.GetValue(bootstrapServers),
                [$"{TransformFollowOptions.SectionName}:{nameof(TransformFollowOptions.FilesTopic)}"] = parse.GetValue(filesTopic),
                [$"{TransformOptions.SectionName}:{nameof(TransformOptions.MaxFilesPerBatch)}"] = parse.GetValue(filesPerBatch)?.ToString(CultureInfo.InvariantCulture),
            }.Where(kv => kv.Value is not null).ToDictionary());
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(
                    configuration, data, "cartstream-transform", cancellationToken, alerts: parse.GetValue(follow), metricsUrls: parse.GetValue(metricsUrls), status: error);
                var logging = monitoring.Logging;
                var options = OptionsLoader.Load<TransformOptions>(configuration, TransformOptions.SectionName);
                using var store = LakeStore.Open(configuration, data, logging);
                if (parse.GetValue(follow))
                {
                    return await FollowAsync(store, configuration, options, output, logging, cancellationToken);
                }

                var reports = await new TransformRunner(store, options, logger: logging.CreateLogger<TransformRunner>()).RunOnceAsync(cancellationToken);
                if (reports.Count == 0)
                {
                    await output.WriteLineAsync($"Nothing new to transform under {store.Location}.");
                    return 0;
                }

                foreach (var report in reports)
                {
                    await output.WriteAsync(report.ToSummary());
                }

                await output.WriteLineAsync($"{reports.Sum(r => r.Records)} record(s) in {reports.Count} batch(es): {reports.Sum(r => r.Facts)} fact(s), {reports.Sum(r => r.Rejected)} rejected; quality reports under DWH/quality/.");
                return reports.Any(r => r.Quarantined.Count > 0) ? 3 : 0;
            }
            catch (Exception e) when (e is OptionsValidationException or ObjectStoreException or ArgumentException)
            {
                await error.WriteLineAsync($"transform: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> FollowAsync(
        IObjectStore store, IConfiguration configuration, TransformOptions options, TextWriter output, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var followOptions = OptionsLoader.Load<TransformFollowOptions>(configuration, TransformFollowOptions.SectionName);
        var quarantined = false;
        var follower = new TransformFollower(
            store, options, followOptions,
            async (published, ct) =>
            {
                quarantined |= published.Report.Quarantined.Count > 0;
                await output.WriteAsync(published.Report.ToSummary().AsMemory(), ct);
                await output.FlushAsync(ct);
            },
            logger: logging.CreateLogger("CartStream.Transform"));
        var consumer = new FileLandedConsumer(configuration, followOptions, logging.CreateLogger("CartStream.Transform.Follow"));
        await output.WriteLineAsync($"transform: following {followOptions.FilesTopic} (group {followOptions.GroupId}) on {store.Location}. Ctrl-C drains and stops.");
        await output.FlushAsync(CancellationToken.None);
        await follower.RunAsync(consumer, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"transform stopped: {follower.RecordsProcessed:N0} record(s) in {follower.BatchesPublished:N0} batch(es)"));
        return quarantined ? 3 : 0;
    }
}
