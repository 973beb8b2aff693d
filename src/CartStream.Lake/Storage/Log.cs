using Microsoft.Extensions.Logging;

namespace CartStream.Lake.Storage;

/// <summary>The object store's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Could not delete temporary file {Path}: {Error}")]
    public static partial void TemporaryFileNotDeleted(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Multipart upload {UploadId} of {Key} failed and was aborted: {Error}")]
    public static partial void MultipartUploadAborted(ILogger logger, string key, string uploadId, string error);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Could not abort multipart upload {UploadId} of {Key}; a bucket lifecycle rule should expire it: {Error}")]
    public static partial void MultipartAbortFailed(ILogger logger, string key, string uploadId, string error);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "S3 endpoint {Location} honours If-None-Match on PutObject: {Supported}")]
    public static partial void ConditionalCreateProbed(ILogger logger, string location, bool supported);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "S3 endpoint {Location} ignores If-None-Match: create-if-absent falls back to check-then-put, which is not atomic under concurrency")]
    public static partial void ConditionalCreateBestEffort(ILogger logger, string location);
}
