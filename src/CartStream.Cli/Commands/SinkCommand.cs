using System.CommandLine;
using System.Globalization;
using CartStream.Cli.Hosting;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream sink</c>: the events topic into raw Avro files in the lake, exactly once, until Ctrl-C.</summary>
internal static class SinkCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions(LakeSinkOptions.SectionName);
        var command = new Command(
            "sink",
            "Land the events topic in the lake as raw Avro files (topics/<topic>/partition=<p>/...), exactly once, " +
            "with records it cannot land in topics/<topic>-dlq/. The lake is <data-dir>/lake unless Lake:Storage says S3. Ctrl-C drains and stops.");
        kafka.AddTo(command);
        var metricsUrls = CommonOptions.MetricsUrls();
        command.Options.Add(metricsUrls);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var data = new DataDirectory(parse.GetValue(kafka.DataDir));
            var configuration = kafka.Configuration(parse);
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(
                    configuration, data, "cartstream-sink", cancellationToken, metricsUrls: parse.GetValue(metricsUrls), status: error);
                var logging = monitoring.Logging;
                var options = OptionsLoader.Load<LakeSinkOptions>(configuration, LakeSinkOptions.SectionName);
                using var store = LakeStore.Open(configuration, data, logging);
                using var notifier = string.IsNullOrWhiteSpace(options.FilesTopic) ? null : new KafkaFileLandedNotifier(configuration, options.FilesTopic);
                using var sink = new LakeSink(store, configuration, options, notifier, logging.CreateLogger("CartStream.Lake.Sink"));
                await output.WriteLineAsync($"sink: {options.Topic} -> {store.Location} (group {options.GroupId}). Ctrl-C drains and stops.");
                await output.FlushAsync(CancellationToken.None);
                await sink.RunAsync(cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sink stopped: {sink.RecordsLanded:N0} records landed in {sink.FilesPublished:N0} files"));
                return 0;
            }
            catch (Exception e) when (e is OptionsValidationException or ObjectStoreException or ArgumentException)
            {
                await error.WriteLineAsync($"sink: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
