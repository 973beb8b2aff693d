namespace CartStream.Ingestion;

/// <summary>
/// The last generator sequence each partition of the topic already holds.
/// </summary>
/// <remarks>
/// The idempotent producer keeps each partition an unbroken prefix of what was sent to it, but partitions
/// advance independently: when a producer dies, sequence 99 may be lost in one partition's unsent batch while
/// 100 landed in another. So resuming is per partition: a regenerated event is skipped exactly when its own
/// partition already holds its sequence.
/// </remarks>
public sealed class ResumePoint
{
    private readonly long[] _lastSequence;

    /// <summary>A resume point from the last sequence per partition (-1 for a partition with none).</summary>
    public ResumePoint(IReadOnlyList<long> lastSequencePerPartition)
    {
        _lastSequence = [.. lastSequencePerPartition];
    }

    /// <summary>A fresh start: nothing sent yet to any of <paramref name="partitionCount"/> partitions.</summary>
    public static ResumePoint Empty(int partitionCount) => new(Enumerable.Repeat(-1L, partitionCount).ToArray());

    /// <summary>Number of partitions of the topic.</summary>
    public int PartitionCount => _lastSequence.Length;

    /// <summary>The highest sequence any partition holds, -1 when the topic holds none.</summary>
    public long HighestSequence => _lastSequence.Length == 0 ? -1 : _lastSequence.Max();

    /// <summary>Whether the event with <paramref name="sequence"/> bound for <paramref name="partition"/> is already there.</summary>
    public bool AlreadySent(int partition, long sequence) => sequence <= _lastSequence[partition];

    /// <summary>The last sequence held by one partition, -1 when none.</summary>
    public long LastSequence(int partition) => _lastSequence[partition];
}
