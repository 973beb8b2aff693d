using CartStream.Warehouse.Queries;

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
        var all = new QueryFilter(Catalog.Beginning, Catalog.End);
        var days = await pool.RunAsync((q, ct) => q.SalesOverTimeAsync(all, TimeBucket.Day, ct), cancellationToken);
        var places = await pool.RunAsync((q, ct) => q.RevenueByPlaceAsync(all, ct), cancellationToken);
        var categories = await pool.RunAsync((q, ct) => q.TopCategoriesAsync(all, 10_000, ct), cancellationToken);
        var channels = await pool.RunAsync((q, ct) => q.ChannelMixAsync(all, ct), cancellationToken);
        return new Catalog(
            [.. places.Select(p => p.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. categories.Select(c => c.Key).Order(StringComparer.Ordinal)],
            [.. channels.Select(c => c.Name).Order(StringComparer.Ordinal)],
            days.Count == 0 ? null : DateOnly.FromDateTime(days[0].Bucket),
            days.Count == 0 ? null : DateOnly.FromDateTime(days[^1].Bucket));
    }
}
