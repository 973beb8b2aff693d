using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Cli.Pipeline;
using CartStream.Ingestion;
using CartStream.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream run</c>: the whole pipeline in one process for a bounded number of events.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var stream = new GeneratorCommandOptions();
        var dataDir = CommonOptions.DataDir();
        var metricsUrls = CommonOptions.MetricsUrls();
        var urls = new Option<string?>("--urls")
        {
            Description = "Also serve the dashboards (analyst, What-If, operations; /metrics) there while the run goes, for example " +
                "http://127.0.0.1:5080. Default: none.",
            HelpName = "URL",
        };
        var json = new Option<bool>("--json") { Description = "Print only the run summary, as JSON (for scripts); logs stay on stderr." };
        var command = new Command(
            "run",
            "Run every stage in one process (embedded broker and schema registry, producer, lake sink, transform, warehouse loader) " +
            "until every generated event is a fact or rejected row in the warehouse. Exit code 0 when complete, 2 when no stage moved for Pipeline:StallTimeout " +
            "(the summary names the stage), 130 when stopped. Run it again on the same data directory to resume.")
        {
            dataDir,
            json,
            metricsUrls,
            urls,
        };
        stream.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = new DataDirectory(parse.GetValue(dataDir));
            var dashboards = parse.GetValue(urls);
            var configuration = dashboards is null ? CliConfiguration.Build() : PipelineDashboards.Configure(CliConfiguration.Build(), dashboards, data.Logs);
            var error = parse.InvocationConfiguration.Error;
            try
            {
                await using var monitoring = await ProcessMonitoring.StartAsync(
                    configuration, data, "cartstream-run", cancellationToken, LogLevel.Warning, metricsUrls: parse.GetValue(metricsUrls), status: error);
                var logging = monitoring.Logging;
                var options = OptionsLoader.Load<PipelineOptions>(configuration, PipelineOptions.SectionName);
                var rate = parse.GetRequiredValue(stream.Rate);
                var generator = stream.ToGeneratorOptions(parse);
                await error.WriteLineAsync($"run: {GeneratorCommandOptions.Describe(rate, generator)}; data in {data.Root}");
                var produce = new ProduceRunOptions
                {
                    Events = parse.GetValue(stream.Events),
                    Duration = parse.GetValue(stream.Duration),
                    Rate = rate,
                    Generator = generator,
                    LabelsPath = data.LabelsFile,
                    RunStatePath = data.GeneratorRunStateFile,
                };
                var quiet = parse.GetValue(json) || !ProgressView.IsAvailable;
                var view = new ProgressView(produce.Events);
                var run = new PipelineRun(configuration, data, options, logging, error)
                {
                    Progress = quiet ? null : view.Update,
                    StartBeside = dashboards is null ? null : PipelineDashboards.StartBeside(OptionsLoader.Load<WebAppOptions>(configuration, WebAppOptions.SectionName), configuration, error),
                };
                var summary = quiet
                    ? await run.RunAsync(produce, cancellationToken)
                    : await view.ShowAsync(() => run.RunAsync(produce, cancellationToken));
                await File.WriteAllTextAsync(DataDirectory.EnsureParent(data.RunSummaryFile), summary.ToJson(), CancellationToken.None);
                var output = parse.InvocationConfiguration.Output;
                await output.WriteAsync(parse.GetValue(json) ? summary.ToJson() + Environment.NewLine : summary.ToText());
                return (int)summary.Outcome;
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync($"run: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
