using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace CartStream.Monitoring.Logging;

/// <summary>
/// The logging of a CartStream process: ECS JSON files under <c>&lt;data-dir&gt;/logs</c>, rolled daily and by
/// size, plus a readable single-line console log on stderr, behind <see cref="Microsoft.Extensions.Logging.ILogger"/> (the stages log through
/// <c>[LoggerMessage]</c> methods and never see Serilog).
/// </summary>
public static class CartStreamLogging
{
    /// <summary>The console line: time, level, logger, message; the stack only when there is an exception.</summary>
    public const string ConsoleTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// A logger factory for the process <paramref name="serviceName"/> (for example <c>cartstream-sink</c>)
    /// writing <c>&lt;logDirectory&gt;/&lt;serviceName&gt;-&lt;yyyyMMdd&gt;.json</c>. Dispose it before exit: that
    /// flushes and closes the files.
    /// </summary>
    public static ILoggerFactory CreateFactory(string serviceName, string logDirectory, LogFileOptions? options = null) =>
        new SerilogLoggerFactory(CreateSerilogLogger(serviceName, logDirectory, options ?? new LogFileOptions()), dispose: true);

    /// <summary>
    /// Replaces the providers of a host's logging (a web app's <c>builder.Logging</c>) with the same files and
    /// console; the host disposes them when it stops.
    /// </summary>
    public static ILoggingBuilder AddCartStreamLogging(this ILoggingBuilder builder, string serviceName, string logDirectory, LogFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var effective = options ?? new LogFileOptions();
        builder.ClearProviders();
        builder.SetMinimumLevel(Min(effective.FileLevel, effective.ConsoleLevel));
        builder.AddSerilog(CreateSerilogLogger(serviceName, logDirectory, effective), dispose: true);
        return builder;
    }

    /// <summary>The glob matching every log file of a service (each day and size roll-over adds one).</summary>
    public static string FilePattern(string serviceName) => $"{serviceName}-*.json";

    private static Logger CreateSerilogLogger(string serviceName, string logDirectory, LogFileOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(logDirectory);
        Directory.CreateDirectory(logDirectory);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(Min(options.FileLevel, options.ConsoleLevel)))
            // Framework chatter (Kestrel, hosting) only when something is wrong, as the console logging did before.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .WriteTo.File(
                new EcsTextFormatter(serviceName),
                Path.Combine(logDirectory, $"{serviceName}-.json"),
                restrictedToMinimumLevel: ToSerilog(options.FileLevel),
                fileSizeLimitBytes: options.FileSizeLimitBytes,
                rollingInterval: RollingInterval.Day,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: options.RetainedFileCount);
        if (options.Console)
        {
            // stderr: stdout stays for what a command prints as its result, which scripts read.
            configuration.WriteTo.Console(
                restrictedToMinimumLevel: ToSerilog(options.ConsoleLevel),
                outputTemplate: ConsoleTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                standardErrorFromLevel: LogEventLevel.Verbose);
        }

        return configuration.CreateLogger();
    }

    private static LogLevel Min(LogLevel a, LogLevel b) => a < b ? a : b;

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        // None: nothing below Fatal gets through, and only a critical failure is worth a line then.
        _ => LogEventLevel.Fatal,
    };
}
