using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CartStream.Generator;
using CartStream.Generator.Files;
using CartStream.Generator.Rate;

namespace CartStream.Cli.Commands;

/// <summary>
/// The options every command that runs the generator shares (<c>generate</c>, <c>produce</c>, <c>run</c>):
/// how many events, how fast, and which stream (seed, dirty ratio, simulated start).
/// </summary>
internal sealed class GeneratorCommandOptions
{
    public Option<long?> Events { get; } = new("--events")
    {
        Description = "Number of events. Give this, --duration, or both (the run stops at the first reached).",
        HelpName = "N",
    };

    public Option<TimeSpan?> Duration { get; } = new("--duration")
    {
        Description = "Wall-clock time to run for: 30s, 5m, 2h or 00:05:00.",
        HelpName = "T",
        CustomParser = r => DurationText.TryParse(r.Tokens[0].Value, out var d) && d > TimeSpan.Zero
            ? d
            : Fail<TimeSpan?>(r, $"'{r.Tokens[0].Value}' is not a duration (examples: 30s, 5m, 2h, 00:05:00)."),
    };

    public Option<GenerationRate> Rate { get; } = new("--rate")
    {
        Description = "How fast: 'max' (simulated event times), a steady R events/s, or bursts N/T. Default 10000/5s, the shop's pace (wall-clock event times).",
        HelpName = "R|max|N/T",
        DefaultValueFactory = _ => GenerationRate.Default,
        CustomParser = r => GenerationRate.TryParse(r.Tokens[0].Value, out var parsed)
            ? parsed
            : Fail<GenerationRate>(r, $"'{r.Tokens[0].Value}' is not a rate: use max, a number of events per second, or N/T such as 10000/5s."),
    };

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Seed of every random choice: the same seed, start and options give the same events, byte for byte.",
        HelpName = "S",
        DefaultValueFactory = _ => 42,
    };

    public Option<double> DirtyRatio { get; } = new("--dirty-ratio")
    {
        Description = "Share of dirty records, 0 to 1, split evenly over the defect kinds (docs/generator.md).",
        HelpName = "X",
        DefaultValueFactory = _ => 0.02,
    };

    public Option<DateTime?> Start { get; } = new("--start")
    {
        Description = "With --rate max: when the simulated clock starts (UTC, e.g. 2026-03-01 or 2026-03-01T08:00:00Z). Default: midnight UTC 4 weeks ago, or further back for long runs.",
        HelpName = "T0",
        CustomParser = r => DateTime.TryParse(r.Tokens[0].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : Fail<DateTime?>(r, $"'{r.Tokens[0].Value}' is not a date or time."),
    };

    public Option<int> EventsPerDay { get; } = new("--events-per-day")
    {
        Description = "With --rate max: average events per simulated day; N events then cover N/this days.",
        HelpName = "N",
        DefaultValueFactory = _ => 100_000,
    };

    /// <summary>Adds the options and their checks to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Events);
        command.Options.Add(Duration);
        command.Options.Add(Rate);
        command.Options.Add(Seed);
        command.Options.Add(DirtyRatio);
        command.Options.Add(Start);
        command.Options.Add(EventsPerDay);
        Events.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is <= 0)
            {
                r.AddError("--events must be a positive number.");
            }
        });
        DirtyRatio.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN)
            {
                r.AddError("--dirty-ratio must be between 0 and 1.");
            }
        });
        command.Validators.Add(r =>
        {
            if (r.GetValue(Events) is null && r.GetValue(Duration) is null)
            {
                r.AddError("Give --events N, --duration T, or both.");
            }

            if (r.GetValue(Start) is not null && r.GetValue(Rate)?.Kind != RateKind.Max)
            {
                r.AddError("--start sets the simulated clock, which only runs with --rate max (limited rates use the wall clock).");
            }
        });
    }

    /// <summary>The generator's settings from a parsed command line.</summary>
    public GeneratorOptions ToGeneratorOptions(ParseResult parse)
    {
        var rate = parse.GetRequiredValue(Rate);
        var perDay = parse.GetValue(EventsPerDay);
        return new GeneratorOptions
        {
            Seed = parse.GetValue(Seed),
            DirtyRatio = parse.GetValue(DirtyRatio),
            SimulatedEventsPerDay = perDay,
            SimulatedStartUtc = rate.Kind == RateKind.Max
                ? parse.GetValue(Start) ?? FileGenerationOptions.DefaultSimulatedStart(DateTime.UtcNow, parse.GetValue(Events), perDay)
                : null,
        };
    }

    /// <summary>A one-line description of the stream for the start of a run.</summary>
    public static string Describe(GenerationRate rate, GeneratorOptions generator)
    {
        var clock = generator.SimulatedStartUtc is { } t0 ? $"simulated clock from {t0:yyyy-MM-ddTHH:mm:ssZ}" : "wall-clock event times";
        return $"rate {rate}, seed {generator.Seed}, dirty ratio {generator.DirtyRatio}, {clock}";
    }

    private static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
