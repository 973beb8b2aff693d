using CartStream.Lake.Storage;
using CartStream.Transform.Follow;
using CartStream.Warehouse;
using CartStream.Warehouse.Loading;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// The warehouse inside the one-process pipeline: loads each transform batch as it is published, and counts the
/// rows for the run's accounting. One connection, so every call goes through one gate.
/// </summary>
internal sealed class WarehouseStage(WarehouseLoader loader, IObjectStore store, LandedEventTimes? eventTimes = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<BatchLoadResult> _results = [];
    private readonly List<(double Seconds, long Records)> _freshness = [];

    /// <summary>Batches this process loaded or quarantined.</summary>
    public IReadOnlyList<BatchLoadResult> Results
    {
        get
        {
            lock (_results)
            {
                return [.. _results];
            }
        }
    }

    /// <summary>Per raw file: seconds from landing in the lake to being queryable, and its records.</summary>
    public IReadOnlyList<(double Seconds, long Records)> Freshness
    {
        get
        {
            lock (_results)
            {
                return [.. _freshness];
            }
        }
    }

    /// <summary>Loads whatever was published but not loaded (after a crash, or a batch that failed to load).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var summary = await GatedAsync(() => loader.LoadPendingAsync(cancellationToken), cancellationToken);
        lock (_results)
        {
            _results.AddRange(summary.Batches);
        }
    }

    /// <summary>The transform follower's callback: load the batch just published.</summary>
    public async ValueTask OnPublishedAsync(TransformBatchPublished batch, CancellationToken cancellationToken)
    {
        var result = await GatedAsync(() => loader.LoadBatchAsync(batch.QualityReportKey, cancellationToken), cancellationToken);
        var queryable = DateTimeOffset.UtcNow;
        var landed = new List<(double, long)>();
        foreach (var input in batch.Report.InputFiles)
        {
            if (await store.GetInfoAsync(input, cancellationToken) is { } info)
            {
                landed.Add(((queryable - info.LastModified).TotalSeconds, Math.Max(1, batch.Report.Records / batch.Report.InputFiles.Count)));
            }
        }

        lock (_results)
        {
            _results.Add(result);
            if (result.Status == BatchLoadStatus.Loaded)
            {
                _freshness.AddRange(landed);
            }
        }

        if (result.Status == BatchLoadStatus.Loaded && landed.Count > 0)
        {
            PipelineMetrics.Freshness.Record(landed.Max(l => l.Item1));
        }

        if (result.Status == BatchLoadStatus.Loaded && eventTimes is not null)
        {
            foreach (var input in batch.Report.InputFiles)
            {
                if (eventTimes.Take(input) is { } eventTime)
                {
                    PipelineMetrics.EndToEnd.Record(Math.Max(0, (queryable - eventTime).TotalSeconds));
                }
            }
        }
    }

    /// <summary>Rows in the fact and rejected tables together.</summary>
    public async Task<long> RowsAsync(CancellationToken cancellationToken)
    {
        var (facts, rejected) = await GatedAsync(() => loader.CountRowsAsync(cancellationToken), cancellationToken);
        return facts + rejected;
    }

    public async ValueTask DisposeAsync()
    {
        await loader.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<T> GatedAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }
}
