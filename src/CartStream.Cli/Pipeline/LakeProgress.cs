using CartStream.Lake.Sink;
using CartStream.Lake.Storage;

namespace CartStream.Cli.Pipeline;

/// <summary>How far the lake stages have got, read from the lake itself, so the answer survives restarts.</summary>
internal static class LakeProgress
{
    /// <summary>Records of <paramref name="topic"/> the sink has published, from its state records (offsets start at 0).</summary>
    public static async Task<long> LandedAsync(IObjectStore store, string topic, int partitions, CancellationToken cancellationToken)
    {
        long landed = 0;
        for (var partition = 0; partition < partitions; partition++)
        {
            if (await SinkPartitionState.ReadAsync(store, topic, partition, cancellationToken) is { } state)
            {
                landed += state.EndOffset + 1;
            }
        }

        return landed;
    }
}
