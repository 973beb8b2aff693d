using CartStream.Cli.Hosting;
using CartStream.Monitoring.Alerts;
using CartStream.Monitoring.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// Logging and alerts of the one-process pipeline: ECS JSON files under <c>&lt;data-dir&gt;/logs</c> with the
/// readable console beside them, and the in-process alert rules (logged; emailed when <c>Monitoring:Smtp</c> is set).
/// </summary>
internal sealed class PipelineMonitoring : IAsyncDisposable
{
    private readonly AlertMonitor _monitor;

    private PipelineMonitoring(ILoggerFactory logging, AlertMonitor monitor)
    {
        Logging = logging;
        _monitor = monitor;
    }

    /// <summary>The process's loggers; the files are flushed when this is disposed.</summary>
    public ILoggerFactory Logging { get; }

    /// <summary>
    /// Starts logging as <paramref name="serviceName"/> and the alert monitor. The console shows warnings and
    /// errors unless <c>Monitoring:Logging:ConsoleLevel</c> says otherwise: the progress view owns the terminal.
    /// </summary>
    public static async Task<PipelineMonitoring> StartAsync(IConfiguration configuration, DataDirectory data, string serviceName, CancellationToken cancellationToken)
    {
        var files = OptionsLoader.Load<LogFileOptions>(configuration, LogFileOptions.SectionName);
        if (configuration[$"{LogFileOptions.SectionName}:{nameof(LogFileOptions.ConsoleLevel)}"] is null)
        {
            files.ConsoleLevel = LogLevel.Warning;
        }

        var alerting = OptionsLoader.Load<AlertingOptions>(configuration, AlertingOptions.SectionName);
        var smtp = OptionsLoader.Load<SmtpOptions>(configuration, SmtpOptions.SectionName);
        var logging = CartStreamLogging.CreateFactory(serviceName, data.Logs, files);
        List<IAlertNotifier> notifiers = [new LogAlertNotifier(logging.CreateLogger<LogAlertNotifier>())];
        if (smtp.IsConfigured)
        {
            notifiers.Add(new EmailAlertNotifier(smtp, logging.CreateLogger<EmailAlertNotifier>()));
        }

        var monitor = new AlertMonitor(alerting, notifiers, logging.CreateLogger<AlertMonitor>(), serviceName);
        await monitor.StartAsync(cancellationToken);
        return new PipelineMonitoring(logging, monitor);
    }

    public async ValueTask DisposeAsync()
    {
        await _monitor.StopAsync(CancellationToken.None);
        _monitor.Dispose();
        Logging.Dispose();
    }
}
