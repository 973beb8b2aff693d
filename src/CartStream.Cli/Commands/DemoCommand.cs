using System.CommandLine;
using System.Globalization;
using CartStream.Cli.Hosting;
using CartStream.Cli.Pipeline;
using CartStream.Generator;
using CartStream.Generator.Rate;
using CartStream.Ingestion;
using CartStream.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream demo</c>: the whole pipeline in one process at the shop's pace, until Ctrl-C.</summary>
internal static class DemoCommand
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var rate = new Option<GenerationRate>("--rate")
        {
            Description = "Events per second or bursts N/T. Default 10000/5s, the shop's pace.",
            HelpName = "R|N/T",
            DefaultValueFactory = _ => GenerationRate.Default,
            CustomParser = r => GenerationRate.TryParse(r.Tokens[0].Value, out var parsed) && parsed.Kind != RateKind.Max
                ? parsed
                : Fail(r, $"'{r.Tokens[0].Value}' is not a steady rate: use events per second or N/T such as 10000/5s."),
        };
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where the dashboards listen (default {WebAppOptions.DefaultUrls}, or Web:Urls).",
            HelpName = "URL",
        };
        var metricsUrls = CommonOptions.MetricsUrls();
        var command = new Command(
            "demo",
            "Run every stage in one process at the shop's pace (embedded broker and schema registry, generator, lake sink, " +
            "transform, warehouse, dashboards) until Ctrl-C, which drains the stages in order. Start it again on the same data directory to resume.")
        {
            dataDir,
            rate,
            urls,
            metricsUrls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(parse.GetValue(dataDir));
            var file = CliConfiguration.Build();
            var configuration = PipelineDashboards.Configure(file, parse.GetValue(urls), data.Logs);
            var output = parse.InvocationConfiguration.Output;
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(
                    configuration, data, "cartstream-demo", cancellationToken, LogLevel.Warning, metricsUrls: parse.GetValue(metricsUrls), status: parse.InvocationConfiguration.Error);
                var logging = monitoring.Logging;
                var options = OptionsLoader.Load<PipelineOptions>(configuration, PipelineOptions.SectionName);
                await output.WriteLineAsync($"CartStream demo: data in {data.Root}");
                await output.WriteLineAsync($"  lake       {data.Lake} (topics/ raw Avro, DWH/ Parquet, DWH/rejected/)");
                await output.WriteLineAsync($"  warehouse  {data.WarehouseFile} (DuckDB: fact_sales, rejected, dimensions, rollups)");
                await output.WriteLineAsync($"  labels     {data.LabelsFile} (which events were made dirty, and how)");
                await output.WriteLineAsync($"  summary    {data.RunSummaryFile} (written when you stop)");
                await output.WriteLineAsync("  Ctrl-C drains every stage and stops; run it again to resume.");
                var lastStatus = DateTime.MinValue;
                var web = OptionsLoader.Load<WebAppOptions>(configuration, WebAppOptions.SectionName);
                var run = new PipelineRun(configuration, data, options, logging, output)
                {
                    StartBeside = PipelineDashboards.StartBeside(web, configuration, output),
                    Progress = snapshot =>
                    {
                        if (DateTime.UtcNow - lastStatus < StatusInterval)
                        {
                            return;
                        }

                        lastStatus = DateTime.UtcNow;
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{lastStatus:HH:mm:ss} topic {snapshot.TopicRecords:N0} events, lake {snapshot.Landed:N0}, transformed {snapshot.Transformed:N0} this run, {snapshot.UntransformedFiles} file(s) waiting, warehouse {snapshot.WarehouseRows:N0} rows"));
                    },
                };
                var summary = await run.RunAsync(
                    new ProduceRunOptions
                    {
                        UntilStopped = true,
                        Rate = parse.GetRequiredValue(rate),
                        Generator = new GeneratorOptions(),
                        LabelsPath = data.LabelsFile,
                        RunStatePath = data.GeneratorRunStateFile,
                    },
                    cancellationToken);
                await File.WriteAllTextAsync(DataDirectory.EnsureParent(data.RunSummaryFile), summary.ToJson(), CancellationToken.None);
                await output.WriteAsync(summary.ToText());
                return summary.Outcome == RunOutcome.Failed ? 1 : 0;
            }
            catch (OptionsValidationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"demo: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static GenerationRate Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
