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

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Transform following announcements: batch delay {BatchDelay}, listing every {ListingInterval}")]
    public static partial void FollowStarted(ILogger logger, TimeSpan batchDelay, TimeSpan listingInterval);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Transform follower stopped: {Batches} batch(es), {Records} record(s)")]
    public static partial void FollowStopped(ILogger logger, long batches, long records);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Error, Message = "Transform step failed; its files stay pending for the next announcement or listing")]
    public static partial void StepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Error, Message = "The published-batch callback failed for batch {BatchId}; the batch is in the lake")]
    public static partial void PublishedCallbackFailed(ILogger logger, string batchId, Exception exception);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Warning, Message = "Files topic: {Code} {Reason}")]
    public static partial void FilesTopicError(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Warning, Message = "Announcement at {Position} is not a file-landed JSON and was skipped ({Error}); the listing finds its file")]
    public static partial void AnnouncementUnreadable(ILogger logger, string position, string error);
}
