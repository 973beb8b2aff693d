using System.CommandLine;
using CartStream.Broker;
using CartStream.Cli.Hosting;
using CartStream.Ingestion;
using CartStream.Verification;
using CartStream.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream verify</c>: reconciles the topic, the lake and the model; names every record lost or doubled.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions(IngestionOptions.SectionName);
        var command = new Command(
            "verify",
            "Reconcile every place an event rests: the generator's sequences in the topic, each offset in exactly one raw or " +
            "dead-letter file, and in exactly one fact_sales or rejected row of the model's Parquet files and of the warehouse. Exit code 0 when nothing is lost or doubled, 1 otherwise. " +
            "Without --bootstrap-servers it opens the embedded broker's data under <data-dir>/broker (stop the pipeline first).");
        var maxListed = new Option<int>("--max-listed") { Description = "Most lost or doubled records listed one by one (all are counted).", HelpName = "N", DefaultValueFactory = _ => 50 };
        command.Options.Add(maxListed);
        kafka.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(parse.GetValue(kafka.DataDir));
            var configuration = kafka.Configuration(parse);
            var topic = configuration[$"{IngestionOptions.SectionName}:Topic"] ?? new IngestionOptions().Topic;
            await using var monitoring = await ProcessMonitoring.StartAsync(configuration, data, "cartstream-verify", cancellationToken, LogLevel.Warning, alerts: false);
            var logging = monitoring.Logging;
            await using var broker = configuration[$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] is null
                ? new KafkaBroker(new BrokerOptions { DataDirectory = data.Broker, Port = 0 }, logging.CreateLogger<KafkaBroker>())
                : null;
            if (broker is not null)
            {
                await broker.StartAsync(cancellationToken);
                configuration = new ConfigurationBuilder()
                    .AddConfiguration(configuration)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = broker.BootstrapServers })
                    .Build();
            }

            using var store = LakeStore.Open(configuration, data, logging);
            // The warehouse is checked when there is one: a PostgreSQL configured, or the embedded DuckDB file.
            var warehouseOptions = WarehouseSettings.Load(WarehouseSettings.Apply(configuration, data));
            await using var loader = warehouseOptions.Backend == WarehouseBackend.Postgres || File.Exists(warehouseOptions.DuckDbPath)
                ? await WarehouseLoader.OpenAsync(store, warehouseOptions, logging.CreateLogger("CartStream.Warehouse"), cancellationToken)
                : null;
            var report = await PipelineVerifier.VerifyAsync(configuration, topic, store, loader?.ReadLineageAsync(cancellationToken), cancellationToken);
            await parse.InvocationConfiguration.Output.WriteAsync(report.ToText(Math.Max(0, parse.GetValue(maxListed))));
            return report.IsClean ? 0 : 1;
        });
        return command;
    }
}
