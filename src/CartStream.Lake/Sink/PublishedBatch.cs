namespace CartStream.Lake.Sink;

/// <summary>
/// What one rotation of a partition published: every offset from <see cref="StartOffset"/> to
/// <see cref="EndOffset"/> that the writer was given is in exactly one of <see cref="Files"/>. This is what the
/// sink announces to the transform, and the Kafka offset it may commit is <see cref="EndOffset"/> + 1.
/// </summary>
/// <param name="Topic">The topic read.</param>
/// <param name="Partition">The partition read.</param>
/// <param name="StartOffset">The first offset the batch covers: one past the previous batch (offsets without a record, such as transaction markers, included).</param>
/// <param name="EndOffset">The last offset of the batch.</param>
/// <param name="Files">The raw file and/or the dead-letter file.</param>
public sealed record PublishedBatch(string Topic, int Partition, long StartOffset, long EndOffset, IReadOnlyList<PublishedFile> Files)
{
    /// <summary>The Kafka timestamp of the batch's first record (CartStream's producer stamps the moment it sends); null when unknown (recovered batches).</summary>
    public DateTimeOffset? FirstRecordTime { get; init; }

    /// <summary>Records in the batch, good and dead-letter.</summary>
    public int RecordCount => Files.Sum(f => f.RecordCount);
}
