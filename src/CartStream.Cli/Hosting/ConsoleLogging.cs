using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Hosting;

/// <summary>The readable console log of a command run in a terminal.</summary>
public static class ConsoleLogging
{
    /// <summary>A logger factory writing single-line entries to stderr, Information and up.</summary>
    public static ILoggerFactory Create() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Information)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        })
        .AddFilter("Microsoft", LogLevel.Warning));
}
