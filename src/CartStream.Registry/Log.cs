
namespace CartStream.Registry;

/// <summary>The registry's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Schema registry listening on {Url}, storing under {Directory}")]
    public static partial void Listening(ILogger logger, string url, string directory);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Replayed {Entries} log entries from {Directory}: {Schemas} schemas, {Subjects} subjects")]
    public static partial void Replayed(ILogger logger, string directory, int entries, int schemas, int subjects);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Cut {Bytes} bytes of an unfinished last line from {Path}: an append was interrupted before it was acknowledged")]
    public static partial void TornLogTail(ILogger logger, string path, int bytes);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Registered version {Version} of subject {Subject} as schema id {Id}")]
    public static partial void Registered(ILogger logger, string subject, int version, int id);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Refused an incompatible schema for subject {Subject} ({Count} problems), first: {First}")]
    public static partial void Refused(ILogger logger, string subject, int count, string first);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "{Method} {Path} refused with error code {ErrorCode}: {Message}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, int errorCode, string message);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Schema registry stopped")]
    public static partial void Stopped(ILogger logger);
}
