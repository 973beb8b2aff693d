using System.Collections.Concurrent;
using System.Diagnostics;
using CartStream.Warehouse.Queries;

namespace CartStream.Web;

/// <summary>
/// Warehouse query connections for concurrent requests: a query layer instance answers one query at a time (one
/// database connection), so each request borrows one, opening up to a limit on demand.
/// </summary>
public sealed class QueryPool : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<IWarehouseQueries>> _open;
    private readonly ConcurrentBag<IWarehouseQueries> _idle = [];
    private readonly ConcurrentBag<IWarehouseQueries> _all = [];
    private readonly SemaphoreSlim _slots;

    /// <summary>A pool that opens connections with <paramref name="open"/>, at most <paramref name="size"/> of them.</summary>
    public QueryPool(Func<CancellationToken, Task<IWarehouseQueries>> open, int size)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _open = open;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Runs <paramref name="query"/> on a connection of its own.</summary>
    public async Task<T> RunAsync<T>(Func<IWarehouseQueries, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _slots.WaitAsync(cancellationToken);
        IWarehouseQueries? queries = null;
        try
        {
            if (!_idle.TryTake(out queries))
            {
                queries = await _open(cancellationToken);
                _all.Add(queries);
            }

            var started = Stopwatch.GetTimestamp();
            var result = await query(queries, cancellationToken);
            WebMetrics.QueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return result;
        }
        finally
        {
            if (queries is not null)
            {
                _idle.Add(queries);
            }

            _slots.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var queries in _all)
        {
            await queries.DisposeAsync();
        }

        _slots.Dispose();
    }
}
