namespace CartStream.Lake.Sink;

/// <summary>Where a sink resumes a partition, and what recovery found on the way.</summary>
/// <param name="NextOffset">
/// The offset to seek to: one past the last published batch. Null when the sink never published for the
/// partition: start from the consumer group's committed offset or its reset policy.
/// </param>
/// <param name="AdoptedFiles">Files of a batch published whole just before a crash, now recorded in the state.</param>
/// <param name="DeletedFiles">Files of a batch cut short by a crash, deleted so that the rewrite is the only version.</param>
public sealed record RecoveryResult(long? NextOffset, IReadOnlyList<string> AdoptedFiles, IReadOnlyList<string> DeletedFiles)
{
    /// <summary>
    /// The announcements of the last recorded batch's files (dead-letter file first), to be sent again after a
    /// restart; null when the partition was never published.
    /// </summary>
    public IReadOnlyList<FileLanded>? LastBatch { get; init; }
}
