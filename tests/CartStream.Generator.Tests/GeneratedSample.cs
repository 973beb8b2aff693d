using CartStream.Events.Reference;

namespace CartStream.Generator.Tests;

/// <summary>100,000 records of the default configuration, generated once for every distribution test.</summary>
public sealed class GeneratedSample
{
    public const int Size = 100_000;

    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public GeneratedSample()
    {
        Options = new GeneratorOptions { Seed = 7, SimulatedStartUtc = Start, FutureAnchorUtc = Start.AddDays(60) };
        var generator = new SalesEventGenerator(Options);
        Records = Enumerable.Range(0, Size).Select(_ => generator.Next()).ToList();
        Kinds = generator.DefectKinds;
    }

    public GeneratorOptions Options { get; }

    public IReadOnlyList<GeneratedRecord> Records { get; }

    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Processing time for the time rules: after every simulated event, before every future-dated one.</summary>
    public DateTime ProcessingTime => Start.AddDays(40);

    public static ReferenceData Reference => ReferenceData.Default;
}
