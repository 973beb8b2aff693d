using System.Text.Json;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Sink;

/// <summary>
/// The sink's record of one partition under <c>_state/sink/</c>: the end offset of the last batch it published
/// and that batch's files. Written after the files, before the Kafka commit; retention never deletes it.
/// </summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="EndOffset">The last offset published; the sink resumes at the next one.</param>
/// <param name="Files">The keys of the last published batch.</param>
/// <param name="PublishedAt">When it was recorded.</param>
public sealed record SinkPartitionState(string Topic, int Partition, long EndOffset, IReadOnlyList<string> Files, DateTimeOffset PublishedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // A record the server lists but whose body cannot be read this many times in a row counts as unusable.
    private const int UnreadableAttempts = 3;
    private static readonly TimeSpan UnreadableRetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The first offset the last batch covers (one past the batch before it). Null in records written before it
    /// was kept.
    /// </summary>
    public long? StartOffset { get; init; }

    /// <summary>
    /// The last batch's files with their offsets and record counts, so that the sink can announce them again after
    /// a restart. Null in records written before it was kept.
    /// </summary>
    public IReadOnlyList<PublishedFile>? FileDetails { get; init; }

    /// <summary>The partition's record, or null when the sink never published for it (or the record is unusable).</summary>
    /// <remarks>
    /// An unusable record counts as none: recovery then rebuilds the partition's position from the files' own
    /// headers, which is what it does after a lost state write anyway. Real S3 and the local store never show a
    /// half-written object, but some S3-compatible servers expose a PUT cut off by a crash as an empty or truncated
    /// object, or as the new bytes under the old checksum: a body that fails its checksum on every read while the
    /// server answers for the object is such a record, not a network fault.
    /// </remarks>
    public static async Task<SinkPartitionState?> ReadAsync(IObjectStore store, string topic, int partition, CancellationToken cancellationToken)
    {
        var key = LakeLayout.SinkPartitionStateKey(topic, partition);
        byte[] bytes;
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetInfoAsync(key, cancellationToken) is null)
            {
                return null;
            }

            try
            {
                bytes = await store.ReadAllBytesAsync(key, cancellationToken);
                break;
            }
            catch (ObjectStoreException e) when (e.IsTransient && attempt < UnreadableAttempts)
            {
                await Task.Delay(UnreadableRetryDelay, cancellationToken);
            }
            catch (ObjectStoreException e) when (e.IsTransient)
            {
                return null;
            }
        }

        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize<SinkPartitionState>(bytes, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Replaces the partition's record atomically.</summary>
    public Task WriteAsync(IObjectStore store, CancellationToken cancellationToken) =>
        store.PutAsync(LakeLayout.SinkPartitionStateKey(Topic, Partition), JsonSerializer.SerializeToUtf8Bytes(this, Json), cancellationToken);
}
