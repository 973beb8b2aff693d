namespace CartStream.Ingestion;

/// <summary>Counts of events handed to Kafka, acknowledged by it, and failed for good. Thread-safe.</summary>
public sealed class DeliveryCounters
{
    private long _produced;
    private long _acknowledged;
    private long _failed;
    private long _skipped;

    /// <summary>Events handed to the Kafka client.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>Events the cluster acknowledged (acks=all).</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Events whose delivery failed after the client's retries.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Regenerated events not sent again because their partition already held them (resume).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Events produced but not yet acknowledged or failed.</summary>
    public long InFlight => Produced - Acknowledged - Failed;

    internal void OnProduced()
    {
        Interlocked.Increment(ref _produced);
        IngestionMetrics.Sent.Add(1);
    }

    internal void OnAcknowledged()
    {
        Interlocked.Increment(ref _acknowledged);
        IngestionMetrics.Records.Add(1);
    }

    internal void OnFailed()
    {
        Interlocked.Increment(ref _failed);
        IngestionMetrics.Failed.Add(1);
    }

    internal void OnSkipped() => Interlocked.Increment(ref _skipped);
}
