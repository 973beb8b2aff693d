using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CartStream.Events.Avro;
using CartStream.Generator;
using CartStream.Generator.Files;
using CartStream.Generator.Rate;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream generate</c>: synthetic sales events into an Avro container file, with their labels.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var events = new Option<long?>("--events")
        {
            Description = "Number of events to write. Give this, --duration, or both (the run stops at the first reached).",
            HelpName = "N",
        };
        events.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is <= 0)
            {
                r.AddError("--events must be a positive number.");
            }
        });
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Wall-clock time to run for: 30s, 5m, 2h or 00:05:00.",
            HelpName = "T",
            CustomParser = r => DurationText.TryParse(r.Tokens[0].Value, out var d) && d > TimeSpan.Zero
                ? d
                : Fail<TimeSpan?>(r, $"'{r.Tokens[0].Value}' is not a duration (examples: 30s, 5m, 2h, 00:05:00)."),
        };
        var rate = new Option<GenerationRate>("--rate")
        {
            Description = "How fast: 'max' (simulated event times), a steady R events/s, or bursts N/T. Default 10000/5s, the shop's pace (wall-clock event times).",
            HelpName = "R|max|N/T",
            DefaultValueFactory = _ => GenerationRate.Default,
            CustomParser = r => GenerationRate.TryParse(r.Tokens[0].Value, out var parsed)
                ? parsed
                : Fail<GenerationRate>(r, $"'{r.Tokens[0].Value}' is not a rate: use max, a number of events per second, or N/T such as 10000/5s."),
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every random choice: the same seed, start and options give the same file, byte for byte.",
            HelpName = "S",
            DefaultValueFactory = _ => 42,
        };
        var dirtyRatio = new Option<double>("--dirty-ratio")
        {
            Description = "Share of dirty records, 0 to 1, split evenly over the defect kinds (docs/generator.md).",
            HelpName = "X",
            DefaultValueFactory = _ => 0.02,
        };
        dirtyRatio.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN)
            {
                r.AddError("--dirty-ratio must be between 0 and 1.");
            }
        });
        var start = new Option<DateTime?>("--start")
        {
            Description = "With --rate max: when the simulated clock starts (UTC, e.g. 2026-03-01 or 2026-03-01T08:00:00Z). Default: midnight UTC 4 weeks ago, or further back for long runs.",
            HelpName = "T0",
            CustomParser = r => DateTime.TryParse(r.Tokens[0].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t
                : Fail<DateTime?>(r, $"'{r.Tokens[0].Value}' is not a date or time."),
        };
        var eventsPerDay = new Option<int>("--events-per-day")
        {
            Description = "With --rate max: average events per simulated day; 1,000,000 events then cover N/this days.",
            HelpName = "N",
            DefaultValueFactory = _ => 100_000,
        };
        var codec = new Option<AvroCodec>("--codec")
        {
            Description = "Block compression of the Avro file: Null, Deflate, Snappy or Zstandard.",
            DefaultValueFactory = _ => AvroCodec.Null,
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The Avro container file to write. Labels of the dirty records go beside it, to FILE.avro.labels.jsonl.",
            HelpName = "FILE.avro",
            Required = true,
        };

        var command = new Command("generate", "Generate synthetic sales events, deterministic from a seed, into an Avro container file with labels of the dirty records.")
        {
            events, duration, rate, seed, dirtyRatio, start, eventsPerDay, codec, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(events) is null && r.GetValue(duration) is null)
            {
                r.AddError("Give --events N, --duration T, or both.");
            }

            if (r.GetValue(start) is not null && r.GetValue(rate)?.Kind != RateKind.Max)
            {
                r.AddError("--start sets the simulated clock, which only runs with --rate max (limited rates use the wall clock).");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosenRate = parse.GetRequiredValue(rate);
            var perDay = parse.GetValue(eventsPerDay);
            var count = parse.GetValue(events);
            var generator = new GeneratorOptions
            {
                Seed = parse.GetValue(seed),
                DirtyRatio = parse.GetValue(dirtyRatio),
                SimulatedEventsPerDay = perDay,
                SimulatedStartUtc = chosenRate.Kind == RateKind.Max
                    ? parse.GetValue(start) ?? FileGenerationOptions.DefaultSimulatedStart(DateTime.UtcNow, count, perDay)
                    : null,
            };
            var options = new FileGenerationOptions
            {
                OutputPath = parse.GetRequiredValue(output).FullName,
                Events = count,
                Duration = parse.GetValue(duration),
                Rate = chosenRate,
                Codec = parse.GetValue(codec),
                Generator = generator,
            };

            var error = parse.InvocationConfiguration.Error;
            var clock = generator.SimulatedStartUtc is { } t0 ? $"simulated clock from {t0:yyyy-MM-ddTHH:mm:ssZ}" : "wall-clock event times";
            await error.WriteLineAsync($"generate: rate {chosenRate}, seed {generator.Seed}, dirty ratio {generator.DirtyRatio}, {clock} -> {options.OutputPath}");
            var result = await FileGenerator.RunAsync(options, error, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {result.Records:N0} events ({result.DirtyRecords:N0} dirty) to {options.OutputPath} ({result.FileBytes / 1e6:F1} MB) in {result.Elapsed.TotalSeconds:F1}s, {result.RecordsPerSecond:N0} events/s; labels: {options.LabelsPath}"));
            return 0;
        });
        return command;
    }

    private static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
