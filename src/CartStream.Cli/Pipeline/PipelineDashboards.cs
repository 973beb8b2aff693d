using CartStream.Warehouse;
using CartStream.Warehouse.Queries;
using CartStream.Web;
using Microsoft.Extensions.Configuration;

namespace CartStream.Cli.Pipeline;

/// <summary>The dashboards inside the one-process pipeline (the demo always, a bounded run when given <c>--urls</c>).</summary>
internal static class PipelineDashboards
{
    /// <summary>
    /// The <c>Web</c> settings of a pipeline process: <paramref name="urls"/> (or <c>Web:Urls</c>, or the default) and
    /// the log folder of <paramref name="logs"/>, over <paramref name="file"/>.
    /// </summary>
    public static IConfiguration Configure(IConfiguration file, string? urls, string logs) =>
        new ConfigurationBuilder().AddConfiguration(file).AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.Urls)}"] =
                urls ?? file[$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.Urls)}"] ?? WebAppOptions.DefaultUrls,
            [$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.LogDirectory)}"] =
                file[$"{WebAppOptions.SectionName}:{nameof(WebAppOptions.LogDirectory)}"] ?? logs,
        }).Build();

    /// <summary>
    /// What <see cref="PipelineRun.StartBeside"/> takes: the web app over the pipeline's warehouse, started once the
    /// warehouse is open, its address written to <paramref name="status"/>.
    /// </summary>
    public static Func<WarehouseOptions, CancellationToken, Task<IAsyncDisposable>> StartBeside(WebAppOptions web, IConfiguration configuration, TextWriter status) =>
        async (warehouse, ct) =>
        {
            // The pipeline's monitor already evaluates the alert rules on this process's meters: one monitor, one notification.
            var app = WebApp.Build(web, async c => await WarehouseQueries.OpenAsync(warehouse, c), configuration, alerting: false);
            await app.StartAsync(ct);
            await status.WriteLineAsync($"  dashboards {string.Join(", ", app.Urls)} (analyst, What-If, operations; /metrics)");
            return app;
        };
}
