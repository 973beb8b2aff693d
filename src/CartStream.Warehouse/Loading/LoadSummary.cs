namespace CartStream.Warehouse.Loading;

/// <summary>What a <c>LoadPendingAsync</c> run did, batch by batch.</summary>
public sealed record LoadSummary(IReadOnlyList<BatchLoadResult> Batches)
{
    /// <summary>Batches loaded by this run.</summary>
    public int Loaded => Batches.Count(b => b.Status == BatchLoadStatus.Loaded);

    /// <summary>Batches quarantined (now or earlier, at the same version).</summary>
    public int Quarantined => Batches.Count(b => b.Status == BatchLoadStatus.Quarantined);

    /// <summary>New fact rows.</summary>
    public long Facts => Batches.Sum(b => b.Facts);

    /// <summary>New rejected rows.</summary>
    public long Rejected => Batches.Sum(b => b.Rejected);
}
