namespace CartStream.Generator.Time;

/// <summary>
/// When each order happens: the wall clock for rate-limited runs, or a simulated clock that compresses days
/// into seconds for runs at max rate, busier in the evening and on Sundays like a real shop.
/// </summary>
internal sealed class EventClock
{
    // Relative order intensity by hour of day (UTC, the shop's time zone) and by day of week (Sunday first).
    private static readonly double[] HourFactor =
    [
        0.30, 0.20, 0.15, 0.12, 0.12, 0.18, 0.35, 0.60, 0.85, 1.00, 1.10, 1.15,
        1.25, 1.20, 1.10, 1.10, 1.15, 1.30, 1.50, 1.70, 1.75, 1.55, 1.10, 0.65,
    ];

    private static readonly double[] DayFactor = [1.25, 1.05, 0.98, 0.97, 0.98, 0.90, 0.87];

    private readonly TimeProvider? _wallClock;
    private readonly double _ordersPerTick;
    private readonly double[] _intensity = new double[7 * 24];
    private long _ticks;

    private EventClock(TimeProvider? wallClock, DateTime startUtc, double ordersPerDay)
    {
        _wallClock = wallClock;
        _ticks = startUtc.Ticks;
        _ordersPerTick = ordersPerDay / TimeSpan.TicksPerDay;

        // Normalised so the week averages to ordersPerDay.
        var mean = 0.0;
        for (var i = 0; i < _intensity.Length; i++)
        {
            _intensity[i] = DayFactor[i / 24] * HourFactor[i % 24];
            mean += _intensity[i] / _intensity.Length;
        }

        for (var i = 0; i < _intensity.Length; i++)
        {
            _intensity[i] /= mean;
        }
    }

    /// <summary>Whether event times come from the simulated clock.</summary>
    public bool IsSimulated => _wallClock is null;

    /// <summary>Time of the latest order.</summary>
    public DateTime Current => new(_ticks, DateTimeKind.Utc);

    public static EventClock Wall(TimeProvider clock) => new(clock, clock.GetUtcNow().UtcDateTime, 1);

    public static EventClock Simulated(DateTime startUtc, double ordersPerDay) => new(null, startUtc, ordersPerDay);

    /// <summary>Advances to the next order and returns its time, truncated to milliseconds (what Avro keeps).</summary>
    public DateTime NextOrder(Sampling.DeterministicRandom random)
    {
        if (_wallClock is not null)
        {
            _ticks = _wallClock.GetUtcNow().UtcTicks;
        }
        else
        {
            // Poisson arrivals whose rate follows the hour and the day of the week.
            var slot = (int)((((_ticks / TimeSpan.TicksPerDay) + 1) % 7 * 24) + (_ticks / TimeSpan.TicksPerHour % 24));
            var gap = -Math.Log(1 - random.NextDouble()) / (_ordersPerTick * _intensity[slot]);
            _ticks += (long)gap;
        }

        return new DateTime(_ticks - (_ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
