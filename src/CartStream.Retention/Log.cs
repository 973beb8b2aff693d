using Microsoft.Extensions.Logging;

namespace CartStream.Retention;

/// <summary>Retention's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Retention keeps {Key}: {Reason}")]
    public static partial void Unaccountable(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Debug, Message = "Retention deleted {Key} ({Area}, {Size} bytes): {Reason}")]
    public static partial void Deleted(ILogger logger, string key, string area, long size, string reason);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Retention deleted {Files} file(s), {Bytes} bytes, recorded in {Ledger}")]
    public static partial void ChunkDeleted(ILogger logger, int files, long bytes, string ledger);
}
