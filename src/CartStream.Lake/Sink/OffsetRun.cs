namespace CartStream.Lake.Sink;

/// <summary>Consecutive Kafka offsets of records held back to back in a file.</summary>
/// <param name="Start">The first offset.</param>
/// <param name="Count">How many consecutive offsets from <paramref name="Start"/>.</param>
public readonly record struct OffsetRun(long Start, int Count);
