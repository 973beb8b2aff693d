using CartStream.Events.Avro;
using CartStream.Generator.Rate;

namespace CartStream.Generator.Files;

/// <summary>What <see cref="FileGenerator"/> writes: how many events or for how long, how fast, and where.</summary>
public sealed class FileGenerationOptions
{
    /// <summary>The Avro container file to write; labels go to <c>OUT.labels.jsonl</c> beside it.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Stop after this many events (at least one of this and <see cref="Duration"/> is set).</summary>
    public long? Events { get; init; }

    /// <summary>Stop once this much wall-clock time has passed.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>How fast to generate. At <see cref="GenerationRate.Max"/> event times follow a simulated clock.</summary>
    public GenerationRate Rate { get; init; } = GenerationRate.Default;

    /// <summary>Block compression of the file.</summary>
    public AvroCodec Codec { get; init; } = AvroCodec.Null;

    /// <summary>
    /// The generator's settings. <see cref="GeneratorOptions.AllowNotAvro"/> must stay off: a container file holds
    /// only Avro records.
    /// </summary>
    public GeneratorOptions Generator { get; init; } = new();

    /// <summary>How often a progress line is written.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The labels file: <c>FILE.avro</c> -> <c>FILE.avro.labels.jsonl</c>.</summary>
    public string LabelsPath => Labels.LabelWriter.PathFor(OutputPath);

    /// <summary>
    /// Where a simulated clock starts when the user gives no start: midnight UTC four weeks back, or further back
    /// when the run covers more simulated days, so no clean event lands in the future.
    /// </summary>
    public static DateTime DefaultSimulatedStart(DateTime nowUtc, long? events, int eventsPerDay)
    {
        var days = events is { } n ? (int)Math.Min(36_500, (n / eventsPerDay) + 2) : 0;
        return nowUtc.Date.AddDays(-Math.Max(28, days));
    }
}
