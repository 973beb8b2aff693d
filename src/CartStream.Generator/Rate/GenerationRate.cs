using System.Globalization;

namespace CartStream.Generator.Rate;

/// <summary>
/// How fast events are produced: bursts of N events every interval (the default: 10,000 every 5 seconds), a
/// steady R events per second, or as fast as possible.
/// </summary>
public sealed record GenerationRate
{
    private GenerationRate(RateKind kind, long burstSize, TimeSpan interval, double eventsPerSecond)
    {
        Kind = kind;
        BurstSize = burstSize;
        Interval = interval;
        EventsPerSecond = eventsPerSecond;
    }

    /// <summary>The shop's pace: 10,000 events released together every 5 seconds.</summary>
    public static GenerationRate Default { get; } = Burst(10_000, TimeSpan.FromSeconds(5));

    /// <summary>No limit.</summary>
    public static GenerationRate Max { get; } = new(RateKind.Max, 0, TimeSpan.Zero, double.PositiveInfinity);

    /// <summary>Which shape the rate has.</summary>
    public RateKind Kind { get; }

    /// <summary>Events per burst (bursts only).</summary>
    public long BurstSize { get; }

    /// <summary>Time between bursts (bursts only).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Average events per second; infinity for <see cref="RateKind.Max"/>.</summary>
    public double EventsPerSecond { get; }

    /// <summary>Bursts of <paramref name="size"/> events at the start of every <paramref name="interval"/>.</summary>
    public static GenerationRate Burst(long size, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new GenerationRate(RateKind.Burst, size, interval, size / interval.TotalSeconds);
    }

    /// <summary>An even <paramref name="eventsPerSecond"/>.</summary>
    public static GenerationRate Steady(double eventsPerSecond)
    {
        if (!(eventsPerSecond > 0) || double.IsInfinity(eventsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(eventsPerSecond), eventsPerSecond, "A steady rate must be a positive number.");
        }

        return new GenerationRate(RateKind.Steady, 0, TimeSpan.Zero, eventsPerSecond);
    }

    /// <summary>Parses <c>max</c>, a steady <c>R</c> events/s (<c>2000</c>), or bursts <c>N/T</c> (<c>10000/5s</c>).</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GenerationRate? rate)
    {
        rate = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            rate = Max;
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond) && perSecond > 0 && !double.IsInfinity(perSecond))
            {
                rate = Steady(perSecond);
                return true;
            }

            return false;
        }

        if (long.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            && DurationText.TryParse(text[(slash + 1)..], out var interval) && interval > TimeSpan.Zero)
        {
            rate = Burst(size, interval);
            return true;
        }

        return false;
    }

    /// <summary>
    /// How many events may have been released once <paramref name="elapsed"/> has passed since the start: a whole
    /// burst at the start of each interval, or the steady rate's share (the first event at once).
    /// </summary>
    public long Allowance(TimeSpan elapsed) => Kind switch
    {
        RateKind.Burst => BurstSize * ((elapsed.Ticks / Interval.Ticks) + 1),
        RateKind.Steady => (long)(EventsPerSecond * elapsed.TotalSeconds) + 1,
        _ => long.MaxValue,
    };

    /// <summary>When, after the start, the allowance first exceeds <paramref name="released"/> events.</summary>
    public TimeSpan NextRelease(long released) => Kind switch
    {
        RateKind.Burst => Interval * (released / BurstSize),
        RateKind.Steady => TimeSpan.FromSeconds(released / EventsPerSecond),
        _ => TimeSpan.Zero,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RateKind.Burst => string.Create(CultureInfo.InvariantCulture, $"{BurstSize}/{Interval.TotalSeconds}s"),
        RateKind.Steady => EventsPerSecond.ToString(CultureInfo.InvariantCulture),
        _ => "max",
    };
}
