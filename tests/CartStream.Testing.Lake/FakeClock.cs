namespace CartStream.Testing.Lake;

/// <summary>A clock that stands still, so the future-event rule and rejected_at are the same in every run.</summary>
public sealed class FakeClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
