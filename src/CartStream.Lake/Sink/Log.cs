using Microsoft.Extensions.Logging;

namespace CartStream.Lake.Sink;

/// <summary>The lake sink's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Sink reading {Topic} as group {GroupId} into {Location}")]
    public static partial void Started(ILogger logger, string topic, string groupId, string location);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Assigned {Topic}/{Partition}: resuming at offset {NextOffset} ({Adopted} files adopted, {Deleted} deleted by recovery)")]
    public static partial void Assigned(ILogger logger, string topic, int partition, string nextOffset, int adopted, int deleted);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Revoked {Topic}/{Partition}")]
    public static partial void Revoked(ILogger logger, string topic, int partition);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Debug, Message = "Published {Topic}/{Partition} offsets {StartOffset}-{EndOffset}: {Records} records in {Files} files")]
    public static partial void Published(ILogger logger, string topic, int partition, long startOffset, long endOffset, int records, int files);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "Consume failed, continuing: {Error}")]
    public static partial void ConsumeFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Error, Message = "Fatal consumer error, stopping: {Error}")]
    public static partial void ConsumeFatal(ILogger logger, string error);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Warning, Message = "{Operation} failed, nothing committed; retrying in {Delay}: {Error}")]
    public static partial void Retrying(ILogger logger, string operation, TimeSpan delay, string error);

    [LoggerMessage(EventId = 5208, Level = LogLevel.Information, Message = "{Operation} succeeded again after {Attempts} failed attempts")]
    public static partial void Recovered(ILogger logger, string operation, int attempts);

    [LoggerMessage(EventId = 5209, Level = LogLevel.Warning, Message = "Commit failed (the state records stay authoritative): {Error}")]
    public static partial void CommitFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 5210, Level = LogLevel.Debug, Message = "Dead letter {Topic}/{Partition}@{Offset}: {Reason}")]
    public static partial void DeadLetter(ILogger logger, string topic, int partition, long offset, string reason);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Warning, Message = "Announcing {Key} failed (the file is published; listings still find it): {Error}")]
    public static partial void NotifyFailed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Warning, Message = "Could not publish {Topic}/{Partition} on revocation; its records are dropped from memory and re-read by the next owner: {Error}")]
    public static partial void RevokePublishFailed(ILogger logger, string topic, int partition, string error);

    [LoggerMessage(EventId = 5213, Level = LogLevel.Information, Message = "Sink stopped: {Records} records landed in {Files} files this run")]
    public static partial void Stopped(ILogger logger, long records, long files);
}
