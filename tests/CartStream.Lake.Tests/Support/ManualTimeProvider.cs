namespace CartStream.Lake.Tests.Support;

/// <summary>A clock the test moves by hand, so wall-clock rotation is tested without waiting.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private long _elapsedTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _elapsedTicks, by.Ticks);

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start.AddTicks(GetTimestamp());
}
