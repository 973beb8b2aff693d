using System.Text.Json;
using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Transform.Batch;

namespace CartStream.Transform;

/// <summary>What the transform still has to do, and what it has finished, read from the lake's checkpoints.</summary>
public static class TransformProgress
{
    /// <summary>Raw and dead-letter files under <c>topics/</c> that no checkpoint marks as done.</summary>
    public static async Task<int> PendingFilesAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var done = await DoneFilesAsync(store, cancellationToken);
        var pending = 0;
        await foreach (var file in store.ListAsync(LakeLayout.TopicsArea, cancellationToken))
        {
            if (file.Key.EndsWith(LakeLayout.RawFileExtension, StringComparison.Ordinal) && !done.Contains(file.Key))
            {
                pending++;
            }
        }

        return pending;
    }

    /// <summary>
    /// Raw and dead-letter file keys the transform has finished with for good: a done checkpoint exists, and no
    /// batch in progress names them. A batch manifest outliving a crash is redone with exactly its files, so a file
    /// it names is still needed even when its own checkpoint was written.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FinishedFilesAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var done = await DoneFilesAsync(store, cancellationToken);
        await foreach (var manifest in store.ListAsync(TransformState.BatchPrefix, cancellationToken))
        {
            byte[] content;
            try
            {
                content = await store.ReadAllBytesAsync(manifest.Key, cancellationToken);
            }
            catch (ObjectStoreException e) when (e.IsNotFound)
            {
                // The batch finished between the listing and the read: its files are done.
                continue;
            }

            done.ExceptWith(JsonSerializer.Deserialize<List<string>>(content) ?? []);
        }

        return done;
    }

    private static async Task<HashSet<string>> DoneFilesAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var marker in store.ListAsync(TransformState.DonePrefix, cancellationToken))
        {
            done.Add(marker.Key[TransformState.DonePrefix.Length..^".json".Length]);
        }

        return done;
    }
}
