using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CartStream.Monitoring;
using CartStream.Monitoring.Alerts;
using CartStream.Monitoring.Logging;
using CartStream.Monitoring.Metrics;
using CartStream.Warehouse.Queries;
using CartStream.Web.Api;
using CartStream.Web.Operations;
using CartStream.Web.WhatIf;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;

namespace CartStream.Web;

/// <summary>
/// The dashboards' entry points. <see cref="Build"/> makes a whole web app (what <c>cartstream serve</c> runs); a
/// host with its own <see cref="WebApplicationBuilder"/> (the one-process pipeline) calls
/// <see cref="AddCartStreamWeb"/> on its services and <see cref="MapCartStreamWeb"/> on its app instead.
/// </summary>
public static class WebApp
{
    /// <summary>The service name in logs and on <c>/metrics</c>.</summary>
    public const string ServiceName = "cartstream-web";

    /// <summary>
    /// A web app listening on <see cref="WebAppOptions.Urls"/> with the pages, the JSON API, <c>/metrics</c> and,
    /// when <paramref name="alerting"/>, the in-process alert rules of <c>Monitoring:Alerts</c>; logs go to
    /// <see cref="WebAppOptions.LogDirectory"/> as ECS JSON when it is set. <paramref name="openQueries"/> opens
    /// one warehouse query connection (for example <c>ct =&gt; WarehouseQueries.OpenAsync(options, ct)</c>).
    /// </summary>
    public static WebApplication Build(WebAppOptions options, Func<CancellationToken, Task<IWarehouseQueries>> openQueries, IConfiguration? configuration = null, bool alerting = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (configuration is not null)
        {
            builder.Configuration.AddConfiguration(configuration);
        }

        builder.WebHost.UseUrls(options.Urls);
        if (!string.IsNullOrEmpty(options.LogDirectory))
        {
            builder.Logging.AddCartStreamLogging(ServiceName, options.LogDirectory);
        }

        builder.Services.AddCartStreamWeb(options, openQueries);
        builder.Services.AddCartStreamMetrics(ServiceName);
        if (alerting)
        {
            builder.Services.AddCartStreamAlerting(ServiceName);
        }

        var app = builder.Build();
        app.MapCartStreamWeb();
        app.MapCartStreamMetrics();
        return app;
    }

    /// <summary>
    /// Registers what the pages and API need: the query pool, the filter catalog, the operations sampler and an
    /// <see cref="IAlertNotifier"/> feeding the operations page (picked up by an <see cref="AlertMonitor"/> registered
    /// with <c>AddCartStreamAlerting</c>). Does not add <c>/metrics</c>: the host does, once.
    /// </summary>
    public static IServiceCollection AddCartStreamWeb(this IServiceCollection services, WebAppOptions options, Func<CancellationToken, Task<IWarehouseQueries>> openQueries)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openQueries);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new QueryPool(openQueries, options.MaxQueryConnections));
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<ApiRequest>();
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<AlertFeed>());
        services.AddSingleton<OpsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsSampler>());
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Serves the pages (<c>/</c>, <c>/whatif</c>, <c>/ops</c>), their scripts and the JSON API under <c>/api</c>.</summary>
    public static WebApplication MapCartStreamWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var assets = new EmbeddedFileProvider(typeof(WebApp).Assembly, "CartStream.Web.Assets");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets, RequestPath = "/assets" });
        var options = app.Services.GetRequiredService<WebAppOptions>();
        app.MapGet("/", () => Page(assets, "index.html", options));
        app.MapGet("/whatif", () => Page(assets, "whatif.html", options));
        app.MapGet("/ops", () => Page(assets, "ops.html", options));
        app.MapAnalystApi();
        app.MapWhatIfApi();
        app.MapOpsApi();
        return app;
    }

    private static ContentHttpResult Page(IFileProvider assets, string name, WebAppOptions options)
    {
        using var reader = new StreamReader(assets.GetFileInfo(name).CreateReadStream());
        // The pages are static but poll at the configured pace.
        var html = reader.ReadToEnd().Replace("__REFRESH__", options.RefreshSeconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
