using CartStream.Events.Avro;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Sink;

/// <summary>
/// Decides where a sink resumes a partition after a (re)assignment or a crash, checking the state record
/// against the files it can list.
/// </summary>
/// <remarks>
/// The writer publishes a batch's files, then its state record, then commits to Kafka. A crash can therefore
/// leave files beyond the state record: a whole batch (its state write was lost) or part of one (the crash came
/// between its files). Each file's header names its batch's offset range and file count. Recovery adopts whole
/// batches that continue the state (records them and resumes after them) and deletes everything from the first
/// incomplete or non-contiguous batch on; the sink then re-reads those offsets and rewrites the same keys. Either
/// way every offset ends in exactly one published file. It also returns the last recorded batch's files, which
/// the sink announces again: a crash between the state record and the announcements would otherwise lose them.
/// </remarks>
public static class PartitionRecovery
{
    /// <summary>Recovers <paramref name="topic"/>/<paramref name="partition"/> and returns where to resume.</summary>
    public static async Task<RecoveryResult> RecoverAsync(IObjectStore store, string topic, int partition, bool timeBasedLayout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var state = await SinkPartitionState.ReadAsync(store, topic, partition, cancellationToken);
        var publishedEnd = state?.EndOffset ?? -1;
        var beyond = new List<BatchFile>();
        foreach (var area in new[] { topic, LakeLayout.DeadLetterTopic(topic) })
        {
            var prefix = timeBasedLayout ? LakeLayout.TopicPrefix(area) : LakeLayout.PartitionPrefix(area, partition);
            await foreach (var info in store.ListAsync(prefix, cancellationToken))
            {
                if (LakeLayout.TryParseRawFileKey(info.Key, out var file) && file.Partition == partition && file.StartOffset > publishedEnd)
                {
                    beyond.Add(await ReadBatchFileAsync(store, info.Key, cancellationToken));
                }
            }
        }

        var adopted = new List<string>();
        var deleted = new List<string>();
        long? lastBatchStart = state?.StartOffset;
        var expectedStart = state is null ? (long?)null : publishedEnd + 1;
        var keepAdopting = true;
        foreach (var batch in beyond.GroupBy(f => (f.BatchStart, f.BatchEnd)).OrderBy(g => g.Key.BatchStart))
        {
            var files = batch.ToList();
            var whole = files.All(f => f.IsReadable && f.BatchFiles == files.Count);
            keepAdopting = keepAdopting && whole && (expectedStart is null || batch.Key.BatchStart == expectedStart);
            if (keepAdopting)
            {
                adopted.AddRange(files.Select(f => f.Key));
                publishedEnd = batch.Key.BatchEnd;
                expectedStart = publishedEnd + 1;
                lastBatchStart = batch.Key.BatchStart;
                state = new SinkPartitionState(topic, partition, publishedEnd, files.Select(f => f.Key).Order(StringComparer.Ordinal).ToList(), DateTimeOffset.UtcNow);
            }
            else
            {
                foreach (var file in files)
                {
                    await store.DeleteAsync(file.Key, cancellationToken);
                    deleted.Add(file.Key);
                }
            }
        }

        IReadOnlyList<FileLanded>? lastBatch = null;
        if (state is not null)
        {
            var details = state.FileDetails;
            if (details is null || adopted.Count > 0)
            {
                // Adopted just now, or recorded before the state kept file details: the files' headers tell.
                var read = new List<PublishedFile>();
                foreach (var key in state.Files)
                {
                    if (await ReadPublishedFileAsync(store, topic, key, cancellationToken) is { } file)
                    {
                        read.Add(file);
                    }
                }

                // Dead-letter file first, as the writer publishes them.
                details = [.. read.OrderByDescending(f => f.IsDeadLetter)];
            }

            if (adopted.Count > 0)
            {
                state = state with { StartOffset = lastBatchStart, FileDetails = details };
                await state.WriteAsync(store, cancellationToken);
            }

            lastBatch = details.Select(f => new FileLanded(f.Key, topic, partition, f.StartOffset, f.EndOffset, f.RecordCount, f.IsDeadLetter)).ToList();
        }

        return new RecoveryResult(state is null ? null : publishedEnd + 1, adopted, deleted) { LastBatch = lastBatch };
    }

    private static async Task<PublishedFile?> ReadPublishedFileAsync(IObjectStore store, string topic, string key, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(key, cancellationToken);
            using var reader = new AvroContainerReader(stream, key, leaveOpen: true);
            if (!RawFileMetadata.TryGetLong(reader.Metadata, RawFileMetadata.StartOffset, out var start)
                || !RawFileMetadata.TryGetLong(reader.Metadata, RawFileMetadata.EndOffset, out var end))
            {
                return null;
            }

            var count = reader.ReadBlocks().Sum(b => b.RecordCount);
            var isDeadLetter = LakeLayout.TryParseRawFileKey(key, out var id) && id.Topic != topic;
            return new PublishedFile(key, start, end, (int)count, isDeadLetter);
        }
        catch (ObjectStoreException e) when (e.IsNotFound)
        {
            // Removed by retention since: nothing left to announce.
            return null;
        }
        catch (AvroContainerException)
        {
            return null;
        }
    }

    private static async Task<BatchFile> ReadBatchFileAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(key, cancellationToken);
            using var reader = new AvroContainerReader(stream, key, leaveOpen: true);
            var metadata = reader.Metadata;
            if (RawFileMetadata.TryGetLong(metadata, RawFileMetadata.BatchStartOffset, out var start)
                && RawFileMetadata.TryGetLong(metadata, RawFileMetadata.BatchEndOffset, out var end)
                && RawFileMetadata.TryGetLong(metadata, RawFileMetadata.BatchFiles, out var count))
            {
                return new BatchFile(key, start, end, (int)count, IsReadable: true);
            }
        }
        catch (AvroContainerException)
        {
        }

        // Not ours or unreadable: it cannot prove it belongs to a whole batch, so it is rewritten.
        return new BatchFile(key, -1, -1, 0, IsReadable: false);
    }

    private sealed record BatchFile(string Key, long BatchStart, long BatchEnd, int BatchFiles, bool IsReadable);
}
