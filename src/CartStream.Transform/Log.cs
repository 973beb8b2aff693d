using Microsoft.Extensions.Logging;

namespace CartStream.Transform;

/// <summary>The transform's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Transform batch {BatchId}: {Files} file(s), {Records} record(s), {Facts} fact(s), {Rejected} rejected, {Duplicates} duplicate(s)")]
    public static partial void BatchPublished(ILogger logger, string batchId, int files, long records, long facts, long rejected, long duplicates);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Raw file {Key} is corrupt and was quarantined to {QuarantineKey}: {Error}")]
    public static partial void FileQuarantined(ILogger logger, string key, string quarantineKey, string error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "Raw file {Key} is claimed by another worker; skipped")]
    public static partial void FileClaimedElsewhere(ILogger logger, string key);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Claim on {Key} by {Worker} expired; taking the file over")]
    public static partial void ClaimTakenOver(ILogger logger, string key, string worker);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Batch manifest {Manifest} outlived its lease: redoing its {Files} file(s) as one batch")]
    public static partial void BatchRedone(ILogger logger, string manifest, int files);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Transform: nothing new under {Prefix}")]
    public static partial void NothingToDo(ILogger logger, string prefix);
}
