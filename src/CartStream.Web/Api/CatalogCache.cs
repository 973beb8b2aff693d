namespace CartStream.Web.Api;

/// <summary>
/// The filter values and date range of the warehouse, read through the query layer and kept for a short while,
/// so every request can check its filters without a query of its own while new loads still show up. Only the first
/// request waits for the read: once there is a catalog, an outdated one is served while one refresh runs beside
/// the requests (the read passes over a whole rollup: tens of milliseconds at 10M facts, growing with history).
/// </summary>
public sealed class CatalogCache(QueryPool pool, WebAppOptions options, TimeProvider time, ILogger<CatalogCache> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    // A reference, swapped whole: requests read it while a refresh replaces it.
    private volatile Kept? _current;
    private Task _background = Task.CompletedTask;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The catalog; re-read beside the requests when older than <see cref="WebAppOptions.CatalogCacheDuration"/>.</summary>
    public async Task<Catalog> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } kept)
        {
            if (time.GetUtcNow() - kept.At >= options.CatalogCacheDuration && _refresh.Wait(0, CancellationToken.None))
            {
                _background = RefreshAsync();
            }

            return kept.Catalog;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again)
            {
                return again.Catalog;
            }

            var catalog = await ReadAsync(cancellationToken);
            _current = new Kept(catalog, time.GetUtcNow());
            return catalog;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Waits for a refresh still running, so the query pool is not closed under it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _background;
        _stopping.Dispose();
    }

    // Runs with the refresh semaphore held (taken by the caller) and releases it.
    private async Task RefreshAsync()
    {
        try
        {
            await Task.Yield();
            _current = new Kept(await ReadAsync(_stopping.Token), time.GetUtcNow());
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed refresh keeps the previous catalog; the next request tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.CatalogRefreshFailed(logger, e.Message);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<Catalog> ReadAsync(CancellationToken cancellationToken)
    {
        var values = await pool.RunAsync((q, ct) => q.FilterValuesAsync(ct), cancellationToken);
        return new Catalog(values.Countries, values.Categories, values.Channels, values.FirstDay, values.LastDay);
    }

    private sealed record Kept(Catalog Catalog, DateTimeOffset At);
}
