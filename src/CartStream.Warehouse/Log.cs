using Microsoft.Extensions.Logging;

namespace CartStream.Warehouse;

/// <summary>The warehouse's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Loaded batch {BatchKey}: {Files} file(s), {Facts} fact(s), {Rejected} rejected row(s)")]
    public static partial void BatchLoaded(ILogger logger, string batchKey, int files, long facts, long rejected);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Batch {BatchKey} quarantined, nothing of it loaded: {Error}")]
    public static partial void BatchQuarantined(ILogger logger, string batchKey, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Warehouse unreachable (attempt {Attempt} of {Attempts}), retrying in {Delay}: {Error}")]
    public static partial void Retrying(ILogger logger, int attempt, int attempts, TimeSpan delay, string error);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Load of {BatchKey}: {Step} took {Milliseconds:F0} ms")]
    public static partial void LoadStep(ILogger logger, string batchKey, string step, double milliseconds);
}
