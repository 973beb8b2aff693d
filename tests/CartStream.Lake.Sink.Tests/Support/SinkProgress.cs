using CartStream.Lake.Storage;

namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>Waits until the sink's state records cover a topic up to given high watermarks.</summary>
public static class SinkProgress
{
    /// <summary>Polls <c>_state/sink/</c> until every partition's end offset reaches its watermark minus one.</summary>
    public static async Task WaitUntilLandedAsync(IObjectStore store, string topic, IReadOnlyDictionary<int, long> highWatermarks, TimeSpan timeout, CancellationToken ct)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(ct);
        source.CancelAfter(timeout);
        var behind = new List<string>();
        try
        {
            while (true)
            {
                behind.Clear();
                foreach (var (partition, high) in highWatermarks.Where(w => w.Value > 0))
                {
                    var state = await TryReadAsync(store, topic, partition, source.Token);
                    if ((state?.EndOffset ?? -1) < high - 1)
                    {
                        behind.Add($"{partition}: {state?.EndOffset ?? -1} of {high - 1}");
                    }
                }

                if (behind.Count == 0)
                {
                    return;
                }

                await Task.Delay(200, source.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The sink did not land {topic} within {timeout}: {string.Join("; ", behind)}");
        }
    }

    // s3rver (unlike S3) writes an object in place, so a read racing the sink's write can see it half written:
    // as a short object, or as bytes whose checksum the SDK refuses (a transient ObjectStoreException either way).
    private static async Task<SinkPartitionState?> TryReadAsync(IObjectStore store, string topic, int partition, CancellationToken ct)
    {
        try
        {
            return await SinkPartitionState.ReadAsync(store, topic, partition, ct);
        }
        catch (ObjectStoreException)
        {
            return null;
        }
    }
}
