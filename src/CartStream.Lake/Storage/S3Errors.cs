using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace CartStream.Lake.Storage;

/// <summary>
/// Turns the SDK's exceptions into <see cref="ObjectStoreException"/> with an honest transient flag. Every public
/// operation of <see cref="S3ObjectStore"/> catches all exceptions but the caller's cancellation and maps them here,
/// the streams it returns included (<see cref="S3ReadStream"/>): no SDK type crosses the store's boundary. An
/// <see cref="AmazonClientException"/> without an answer from the server (a checksum mismatch on a body, a
/// connection cut) is transient.
/// </summary>
internal static class S3Errors
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable",
        "Throttling", "ThrottlingException", "ConditionalRequestConflict", "OperationAborted",
    };

    public static bool IsPreconditionFailed(Exception e) =>
        e is AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed };

    public static bool IsNotFound(Exception e) =>
        e is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } s3 && s3.ErrorCode != "NoSuchBucket";

    public static ObjectStoreException Map(Exception e, string operation, string? key, string location)
    {
        var what = key is null ? location : $"'{key}' in {location}";
        if (e is AmazonS3Exception { ErrorCode: "NoSuchBucket" })
        {
            return new ObjectStoreException($"Cannot {operation} {what}: the bucket does not exist.", key, isTransient: false, innerException: e);
        }

        if (IsNotFound(e))
        {
            return new ObjectStoreException($"No object {what}.", key, isTransient: false, isNotFound: true, innerException: e);
        }

        var transient = IsTransient(e);
        var reason = e is AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode)
            ? $"{service.ErrorCode} ({(int)service.StatusCode}): {e.Message}"
            : e.Message;
        return new ObjectStoreException($"Cannot {operation} {what}: {reason}", key, transient, innerException: e);
    }

    private static bool IsTransient(Exception e)
    {
        // A response that could not be parsed (cut off, or garbled while the server rewrote the object) carries the
        // status of the torn response, not a verdict of the server.
        if (e is AmazonUnmarshallingException)
        {
            return true;
        }

        if (e is AmazonServiceException service && service.StatusCode != 0)
        {
            var status = (int)service.StatusCode;
            if (status >= 500 || status is 408 or 429 || TransientCodes.Contains(service.ErrorCode ?? ""))
            {
                return true;
            }

            // A real answer from the server (403, 400, ...): retrying will not change it.
            return false;
        }

        // No answer at all: refused, reset, timed out or cut off. The network or the server may come back.
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or IOException or SocketException or TimeoutException or TaskCanceledException or WebException)
            {
                return true;
            }
        }

        return e is AmazonClientException;
    }
}
