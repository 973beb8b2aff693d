using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CartStream.Ingestion;

/// <summary>Routes librdkafka's own log lines into the component's logger instead of raw stderr.</summary>
public static class KafkaLogBridge
{
    /// <summary>A log handler for a client builder's <c>SetLogHandler</c>.</summary>
    public static Action<IClient, LogMessage> To(ILogger logger) => (_, message) =>
    {
        // CONFWARN only tells that a setting we chose on purpose (the gapless guarantee) is marked experimental.
        var level = message.Facility == "CONFWARN" ? LogLevel.Debug : message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
            SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        if (logger.IsEnabled(level))
        {
            Log.KafkaClient(logger, level, message.Name, message.Facility, message.Message);
        }
    };
}
