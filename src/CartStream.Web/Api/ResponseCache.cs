using System.Collections.Concurrent;

namespace CartStream.Web.Api;

/// <summary>
/// Answers of the query layer kept by question and normalised filter, each with the warehouse's data version it
/// was read under (<c>IWarehouseQueries.DataVersionAsync</c>): a request asks the version first (one read of the
/// small load manifest) and is answered from memory only while no load has committed since, so the pages' polls
/// of the same filters cost one small query each and a new load shows in the very next request.
/// </summary>
public sealed class ResponseCache(QueryPool pool, WebAppOptions options, TimeProvider time)
{
    /// <summary>Answers kept at most; all are dropped when full (the polls of the pages in use come straight back).</summary>
    public const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The answer kept for <paramref name="key"/> if no load has committed since, else <paramref name="answer"/>'s, kept.</summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> answer, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (options.ResponseCacheDuration <= TimeSpan.Zero)
        {
            return await answer(cancellationToken);
        }

        // Read before the answer: a load committing in between makes the next request read again, never the reverse.
        var version = await pool.RunAsync((q, ct) => q.DataVersionAsync(ct), cancellationToken);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var kept) && kept.Version == version && now - kept.At < options.ResponseCacheDuration && kept.Answer is T hit)
        {
            return hit;
        }

        var value = await answer(cancellationToken);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(version, now, value);
        return value;
    }

    private sealed record Entry(string Version, DateTimeOffset At, object Answer);
}
