namespace CartStream.Lake.Sink;

/// <summary>
/// The announcement of one published file, which lets the transform react at once instead of waiting for its
/// next listing (the way S3 event notifications trigger a function in the seed's design).
/// </summary>
/// <param name="Key">The file's key in the lake.</param>
/// <param name="Topic">The topic the records were read from.</param>
/// <param name="Partition">The partition.</param>
/// <param name="StartOffset">The offset of the file's first record.</param>
/// <param name="EndOffset">The offset of its last record.</param>
/// <param name="RecordCount">How many records it holds.</param>
/// <param name="IsDeadLetter">True for a <c>-dlq</c> file.</param>
public sealed record FileLanded(string Key, string Topic, int Partition, long StartOffset, long EndOffset, int RecordCount, bool IsDeadLetter)
{
    /// <summary>
    /// The Kafka timestamp of the first record of the batch the file belongs to (CartStream's producer stamps the
    /// moment it sends), when the sink knew it: where the pipeline's end-to-end latency is measured from.
    /// </summary>
    public DateTimeOffset? FirstRecordTime { get; init; }

    /// <summary>The announcements of every file of <paramref name="batch"/>.</summary>
    public static IEnumerable<FileLanded> Of(PublishedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Files.Select(f => new FileLanded(f.Key, batch.Topic, batch.Partition, f.StartOffset, f.EndOffset, f.RecordCount, f.IsDeadLetter)
        {
            FirstRecordTime = batch.FirstRecordTime,
        });
    }
}
