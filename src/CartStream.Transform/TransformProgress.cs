using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Transform.Batch;

namespace CartStream.Transform;

/// <summary>What the transform still has to do, read from the lake's checkpoints.</summary>
public static class TransformProgress
{
    /// <summary>Raw and dead-letter files under <c>topics/</c> that no checkpoint marks as done.</summary>
    public static async Task<int> PendingFilesAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var done = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var marker in store.ListAsync(TransformState.DonePrefix, cancellationToken))
        {
            done.Add(marker.Key[TransformState.DonePrefix.Length..^".json".Length]);
        }

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
}
