using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using CartStream.Broker;
using CartStream.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream broker</c>: runs the embedded Kafka-protocol broker as its own process until stopped.</summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Fixed TCP port, so clients reconnect after a restart.", DefaultValueFactory = _ => 9092 };
        var partitions = new Option<int>("--default-partitions") { Description = "Partitions of auto-created topics.", DefaultValueFactory = _ => 1 };
        var noAutoCreate = new Option<bool>("--no-auto-create") { Description = "Refuse unknown topics instead of creating them." };
        var flushEveryBatch = new Option<bool>("--flush-every-batch") { Description = "fsync every append before acknowledging it." };
        var flushInterval = new Option<int>("--flush-interval-ms") { Description = "fsync period otherwise.", DefaultValueFactory = _ => 1000 };
        var retentionMs = new Option<long>("--retention-ms") { Description = "Delete segments older than this (-1: keep all).", DefaultValueFactory = _ => -1 };
        var retentionBytes = new Option<long>("--retention-bytes") { Description = "Keep at most this many bytes per partition (-1: keep all).", DefaultValueFactory = _ => -1 };

        var metricsUrls = CommonOptions.MetricsUrls();
        var command = new Command("broker", "Run the single-node Kafka-protocol broker (the default Kafka for one machine).")
        {
            dataDir, host, port, partitions, noAutoCreate, flushEveryBatch, flushInterval, retentionMs, retentionBytes, metricsUrls,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var data = new DataDirectory(parseResult.GetValue(dataDir));
            var options = new BrokerOptions
            {
                DataDirectory = data.Broker,
                Host = parseResult.GetValue(host)!,
                Port = parseResult.GetValue(port),
                DefaultPartitions = parseResult.GetValue(partitions),
                AutoCreateTopics = !parseResult.GetValue(noAutoCreate),
                FlushEveryBatch = parseResult.GetValue(flushEveryBatch),
                FlushIntervalMs = parseResult.GetValue(flushInterval),
                RetentionMs = parseResult.GetValue(retentionMs),
                RetentionBytes = parseResult.GetValue(retentionBytes),
            };
            await using var monitoring = await ProcessMonitoring.StartAsync(
                CliConfiguration.Build(), data, "cartstream-broker", cancellationToken,
                metricsUrls: parseResult.GetValue(metricsUrls), status: parseResult.InvocationConfiguration.Error);
            await using var broker = new KafkaBroker(options, monitoring.Logging.CreateLogger<KafkaBroker>());
            try
            {
                await broker.StartAsync(cancellationToken);
            }
            catch (ValidationException e)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"Invalid broker setting: {e.Message}");
                return 2;
            }

            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine($"bootstrap.servers={broker.BootstrapServers}");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            await broker.StopAsync();
            return 0;
        });
        return command;
    }
}
