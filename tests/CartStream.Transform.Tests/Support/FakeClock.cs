namespace CartStream.Transform.Tests.Support;

/// <summary>A clock that stands still, so the future-event rule and rejected_at are the same in every run.</summary>
internal sealed class FakeClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
