using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Hosting;

/// <summary>The readable console log of a command run in a terminal.</summary>
public static class ConsoleLogging
{
    /// <summary>
    /// A logger factory writing single-line entries to stderr, <paramref name="minimum"/> and up: stdout stays for
    /// what a command prints as its result (the broker's bootstrap address, a run's summary line), which scripts read.
    /// </summary>
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        })
        .AddFilter("Microsoft", LogLevel.Warning));
}
