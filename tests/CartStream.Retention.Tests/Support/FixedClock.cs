namespace CartStream.Retention.Tests.Support;

/// <summary>A clock standing at a chosen moment, so "older than N days" is tested without waiting days.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
