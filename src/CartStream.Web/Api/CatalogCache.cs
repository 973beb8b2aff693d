namespace CartStream.Web.Api;

/// <summary>
/// The filter values and date range of the warehouse, read through the query layer and kept for a short while,
/// so every request can check its filters without a query of its own while new loads still show up.
/// </summary>
public sealed class CatalogCache(QueryPool pool, WebAppOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (Catalog Catalog, DateTimeOffset At)? _current;

    /// <summary>The catalog, re-read when older than <see cref="WebAppOptions.CatalogCacheDuration"/>.</summary>
    public async Task<Catalog> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && time.GetUtcNow() - fresh.At < options.CatalogCacheDuration)
        {
            return fresh.Catalog;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && time.GetUtcNow() - again.At < options.CatalogCacheDuration)
            {
                return again.Catalog;
            }

            var catalog = await ReadAsync(cancellationToken);
            _current = (catalog, time.GetUtcNow());
            return catalog;
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
}
