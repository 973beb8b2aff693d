using CartStream.Monitoring.Alerts;

namespace CartStream.Monitoring;

/// <summary>Monitoring's log messages, with stable event ids (9xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Alert firing: {Rule} ({Severity}): {Metric} = {Value}, threshold {Comparison} {Threshold}")]
    public static partial void AlertFiring(ILogger logger, string rule, string severity, string metric, string value, string comparison, double threshold);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Alert resolved: {Rule}: {Metric} = {Value}, threshold {Comparison} {Threshold}")]
    public static partial void AlertResolved(ILogger logger, string rule, string metric, string value, string comparison, double threshold);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Sending alert {Rule} through {Notifier} failed: {Error}")]
    public static partial void NotifyFailed(ILogger logger, string rule, string notifier, string error);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Evaluating {Rules} alert rules every {Interval}")]
    public static partial void MonitorStarted(ILogger logger, int rules, TimeSpan interval);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Alert email {Rule} ({State}) sent to {Recipients} through {SmtpHost}:{SmtpPort}")]
    public static partial void EmailSent(ILogger logger, string rule, AlertState state, string recipients, string smtpHost, int smtpPort);
}
