namespace CartStream.Ingestion;

/// <summary>
/// The clock the generator stamps event times with under a limited rate: the instant each sequence number is
/// scheduled for (<c>start + sequence / rate</c>), not the instant it happens to be generated.
/// </summary>
/// <remarks>
/// Scheduled times make a stream reproducible: a producer restarted after a crash regenerates the events it had
/// already sent with the same bytes, so the labels it rewrites still match the payloads in the topic.
/// </remarks>
internal sealed class ScheduledEventClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly double _eventsPerSecond;
    private long _sequence;

    public ScheduledEventClock(DateTime startUtc, double eventsPerSecond)
    {
        _start = new DateTimeOffset(startUtc, TimeSpan.Zero);
        _eventsPerSecond = eventsPerSecond;
    }

    /// <summary>Sets the sequence number whose scheduled instant <see cref="GetUtcNow"/> returns.</summary>
    public void MoveTo(long sequence) => _sequence = sequence;

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromSeconds(_sequence / _eventsPerSecond);
}
