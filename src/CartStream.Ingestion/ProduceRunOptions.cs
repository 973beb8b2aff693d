using CartStream.Generator;
using CartStream.Generator.Rate;

namespace CartStream.Ingestion;

/// <summary>One bounded or timed producing run: what to generate, how fast, and where the side files go.</summary>
public sealed class ProduceRunOptions
{
    /// <summary>The stream's first <c>Events</c> sequences end up in the topic (already-sent ones are not sent again).</summary>
    public long? Events { get; init; }

    /// <summary>Produce for this long, continuing the stream.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Neither a count nor a duration: produce until the run's cancellation token fires (the demo).</summary>
    public bool UntilStopped { get; init; }

    /// <summary>How fast.</summary>
    public GenerationRate Rate { get; init; } = GenerationRate.Default;

    /// <summary>Seed, dirty ratio and simulated start of the generator; the producer sets the clock and not-Avro switch.</summary>
    public GeneratorOptions Generator { get; init; } = new();

    /// <summary>Where the labels of dirty records go (rewritten from the stream's start on every run).</summary>
    public required string LabelsPath { get; init; }

    /// <summary>Where the stream's <see cref="ProducerRunState"/> is kept.</summary>
    public required string RunStatePath { get; init; }

    /// <summary>Where a progress line goes every few seconds; null for none.</summary>
    public TextWriter? Progress { get; init; }
}
