namespace CartStream.Lake.Storage;

/// <summary>How the S3 store implements <see cref="IObjectStore.TryCreateAsync"/>.</summary>
public enum S3ConditionalCreateMode
{
    /// <summary>
    /// PutObject with <c>If-None-Match: *</c> (Amazon S3 honours it since August 2024). On first use the store checks
    /// that the endpoint refuses a second conditional write to one key, and fails with a clear error if it does not,
    /// so that a claim is never silently non-atomic.
    /// </summary>
    Require,

    /// <summary>
    /// Sends <c>If-None-Match: *</c> too, but on an endpoint that ignores it (s3rver, some older compatible servers)
    /// falls back to look-then-put, which is only correct with a single writer per key. For development servers.
    /// </summary>
    BestEffort,
}
