using System.CommandLine;
using System.Globalization;
using CartStream.Cli.Hosting;
using CartStream.Ingestion;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream produce</c>: the generator's events into Kafka in the Confluent Avro wire format.</summary>
internal static class ProduceCommand
{
    public static Command Create()
    {
        var stream = new GeneratorCommandOptions();
        var kafka = new KafkaCommandOptions(IngestionOptions.SectionName);
        var command = new Command(
            "produce",
            "Stream generated sales events into Kafka (idempotent, acks=all, key = order id), registering the schema. " +
            "Restarted with the same seed it resumes exactly where the topic's partitions stop.");
        stream.AddTo(command);
        kafka.AddTo(command);
        var metricsUrls = CommonOptions.MetricsUrls();
        command.Options.Add(metricsUrls);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var data = new DataDirectory(parse.GetValue(kafka.DataDir));
            var configuration = kafka.Configuration(parse);
            var rate = parse.GetRequiredValue(stream.Rate);
            var generator = stream.ToGeneratorOptions(parse);
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(
                    configuration, data, "cartstream-produce", cancellationToken, metricsUrls: parse.GetValue(metricsUrls), status: error);
                var logging = monitoring.Logging;
                var options = OptionsLoader.Load<IngestionOptions>(configuration, IngestionOptions.SectionName);
                var runner = new ProduceRunner(configuration, options, logging.CreateLogger("CartStream.Ingestion"));
                await error.WriteLineAsync($"produce: {GeneratorCommandOptions.Describe(rate, generator)} -> topic {options.Topic}");
                var result = await runner.RunAsync(
                    new ProduceRunOptions
                    {
                        Events = parse.GetValue(stream.Events),
                        Duration = parse.GetValue(stream.Duration),
                        Rate = rate,
                        Generator = generator,
                        LabelsPath = data.LabelsFile,
                        RunStatePath = data.GeneratorRunStateFile,
                        Progress = error,
                    },
                    cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"produced {result.Produced:N0} events ({result.Acknowledged:N0} acknowledged, {result.Failed:N0} failed, {result.Skipped:N0} already in the topic) in {result.Elapsed.TotalSeconds:F1}s ({result.StreamingEventsPerSecond:N0} events/s while streaming, {result.EventsPerSecond:N0} events/s with start-up); labels: {data.LabelsFile}"));
                return result.Failed == 0 ? 0 : 1;
            }
            catch (Exception e) when (e is IngestionException or OptionsValidationException)
            {
                await error.WriteLineAsync($"produce: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
