namespace CartStream.Monitoring.Metrics;

/// <summary>
/// A small Kestrel server serving only <c>/metrics</c>, for processes that have no web app of their own (the
/// sink, the transform, the broker): Prometheus scrapes each of them on its own port.
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The scrape address, for example <c>http://127.0.0.1:9464/metrics</c>.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Starts serving this process's metrics on <paramref name="host"/>:<paramref name="port"/> (port 0: a free
    /// one, see <see cref="Url"/>). Loopback by default: expose it wider only behind a firewall, it has no authentication.
    /// </summary>
    public static Task<MetricsServer> StartAsync(string serviceName, int port, string host = "127.0.0.1", CancellationToken cancellationToken = default) =>
        StartAsync(serviceName, $"http://{host}:{port}", cancellationToken);

    /// <summary>
    /// Starts serving this process's metrics on <paramref name="urls"/> (Kestrel's form, semicolon-separated, for
    /// example <c>http://127.0.0.1:9464</c>; port 0 picks a free one, see <see cref="Url"/>).
    /// </summary>
    public static async Task<MetricsServer> StartAsync(string serviceName, string urls, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MetricsServer).Assembly.GetName().Name });
        // The process's own logging stays with its host; this server only answers scrapes.
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddCartStreamMetrics(serviceName);
        var app = builder.Build();
        app.MapCartStreamMetrics();
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        return new MetricsServer(app, new Uri(new Uri(address), MetricsEndpointExtensions.DefaultPath));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
