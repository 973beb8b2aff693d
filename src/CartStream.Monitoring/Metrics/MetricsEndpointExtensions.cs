using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CartStream.Monitoring.Metrics;

/// <summary>
/// The Prometheus scrape endpoint of a CartStream host: every <c>CartStream.*</c> meter, plus the process's
/// CPU and memory and the .NET runtime's GC, thread pool and JIT metrics.
/// </summary>
public static class MetricsEndpointExtensions
{
    /// <summary>The meters exported: every component's (<c>CartStream.Lake.Sink</c>, ...).</summary>
    public const string MeterWildcard = "CartStream.*";

    /// <summary>The default scrape path.</summary>
    public const string DefaultPath = "/metrics";

    /// <summary>
    /// Registers the OpenTelemetry meter provider with the Prometheus exporter; <paramref name="serviceName"/>
    /// (for example <c>cartstream-sink</c>) becomes the <c>service.name</c> resource. Call
    /// <see cref="MapCartStreamMetrics"/> on the app to serve it.
    /// </summary>
    public static IServiceCollection AddCartStreamMetrics(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(MeterWildcard)
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddPrometheusExporter());
        return services;
    }

    /// <summary>Serves the Prometheus text format at <paramref name="path"/> (default <c>/metrics</c>).</summary>
    public static IEndpointConventionBuilder MapCartStreamMetrics(this IEndpointRouteBuilder endpoints, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint(path);
    }
}
