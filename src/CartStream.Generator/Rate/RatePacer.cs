namespace CartStream.Generator.Rate;

/// <summary>
/// Holds a producer to a <see cref="GenerationRate"/>: it asks how many events it may produce now, produces them,
/// and reports them back. Bursts come out whole; a steady rate comes out in small batches.
/// </summary>
public sealed class RatePacer
{
    private readonly GenerationRate _rate;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private long _released;

    /// <summary>Starts the clock now.</summary>
    public RatePacer(GenerationRate rate, TimeProvider? clock = null)
    {
        _rate = rate;
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetTimestamp();
    }

    /// <summary>Events released so far.</summary>
    public long Released => _released;

    /// <summary>
    /// Waits until events may be produced, then returns how many (at most <paramref name="maxBatch"/>), counting
    /// them as released.
    /// </summary>
    public async ValueTask<int> NextBatchAsync(int maxBatch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        while (true)
        {
            var elapsed = _clock.GetElapsedTime(_started);
            var allowed = _rate.Allowance(elapsed) - _released;
            if (allowed > 0)
            {
                var batch = (int)Math.Min(allowed, maxBatch);
                _released += batch;
                return batch;
            }

            var wait = _rate.NextRelease(_released) - elapsed;
            await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), _clock, cancellationToken);
        }
    }
}
