using CartStream.Monitoring.Alerts;
using CartStream.Monitoring.Logging;
using CartStream.Monitoring.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Hosting;

/// <summary>
/// What every command that runs a stage sets up first, so each process is monitored the same way: ECS JSON log
/// files under <c>&lt;data-dir&gt;/logs</c> with the readable console beside them, the in-process alert rules
/// (logged; emailed when <c>Monitoring:Smtp</c> is set), and, when asked, a Prometheus <c>/metrics</c> endpoint.
/// </summary>
internal sealed class ProcessMonitoring : IAsyncDisposable
{
    private readonly AlertMonitor? _monitor;
    private readonly MetricsServer? _metrics;

    private ProcessMonitoring(ILoggerFactory logging, AlertMonitor? monitor, MetricsServer? metrics)
    {
        Logging = logging;
        _monitor = monitor;
        _metrics = metrics;
    }

    /// <summary>The process's loggers; the files are flushed when this is disposed.</summary>
    public ILoggerFactory Logging { get; }

    /// <summary>The scrape address when a metrics endpoint was asked for.</summary>
    public Uri? MetricsUrl => _metrics?.Url;

    /// <summary>
    /// Starts logging as <paramref name="serviceName"/> (for example <c>cartstream-sink</c>). The console shows
    /// <paramref name="consoleLevel"/> and up unless <c>Monitoring:Logging:ConsoleLevel</c> says otherwise.
    /// With <paramref name="alerts"/> the alert monitor evaluates the rules on this process's meters; with
    /// <paramref name="metricsUrls"/> (for example <c>http://127.0.0.1:9464</c>; port 0 picks a free one) the
    /// process serves <c>/metrics</c> there, and says where on <paramref name="status"/>.
    /// </summary>
    public static async Task<ProcessMonitoring> StartAsync(
        IConfiguration configuration,
        DataDirectory data,
        string serviceName,
        CancellationToken cancellationToken,
        LogLevel consoleLevel = LogLevel.Information,
        bool alerts = true,
        string? metricsUrls = null,
        TextWriter? status = null)
    {
        var files = OptionsLoader.Load<LogFileOptions>(configuration, LogFileOptions.SectionName);
        if (configuration[$"{LogFileOptions.SectionName}:{nameof(LogFileOptions.ConsoleLevel)}"] is null)
        {
            files.ConsoleLevel = consoleLevel;
        }

        var alerting = alerts ? OptionsLoader.Load<AlertingOptions>(configuration, AlertingOptions.SectionName) : null;
        var smtp = alerts ? OptionsLoader.Load<SmtpOptions>(configuration, SmtpOptions.SectionName) : null;
        var logging = CartStreamLogging.CreateFactory(serviceName, data.Logs, files);
        MetricsServer? metrics = null;
        AlertMonitor? monitor = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(metricsUrls))
            {
                metrics = await MetricsServer.StartAsync(serviceName, metricsUrls, cancellationToken);
                if (status is not null)
                {
                    await status.WriteLineAsync($"{serviceName}: metrics on {metrics.Url}");
                }
            }

            if (alerting is not null)
            {
                List<IAlertNotifier> notifiers = [new LogAlertNotifier(logging.CreateLogger<LogAlertNotifier>())];
                if (smtp is { IsConfigured: true })
                {
                    notifiers.Add(new EmailAlertNotifier(smtp, logging.CreateLogger<EmailAlertNotifier>()));
                }

                monitor = new AlertMonitor(alerting, notifiers, logging.CreateLogger<AlertMonitor>(), serviceName);
                await monitor.StartAsync(cancellationToken);
            }
        }
        catch
        {
            monitor?.Dispose();
            if (metrics is not null)
            {
                await metrics.DisposeAsync();
            }

            logging.Dispose();
            throw;
        }

        return new ProcessMonitoring(logging, monitor, metrics);
    }

    public async ValueTask DisposeAsync()
    {
        if (_monitor is not null)
        {
            await _monitor.StopAsync(CancellationToken.None);
            _monitor.Dispose();
        }

        if (_metrics is not null)
        {
            await _metrics.DisposeAsync();
        }

        Logging.Dispose();
    }
}
