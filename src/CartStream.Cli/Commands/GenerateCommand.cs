using System.CommandLine;
using System.Globalization;
using CartStream.Events.Avro;
using CartStream.Generator.Files;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream generate</c>: synthetic sales events into an Avro container file, with their labels.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var stream = new GeneratorCommandOptions();
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

        var command = new Command("generate", "Generate synthetic sales events, deterministic from a seed, into an Avro container file with labels of the dirty records.");
        stream.AddTo(command);
        command.Options.Add(codec);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rate = parse.GetRequiredValue(stream.Rate);
            var generator = stream.ToGeneratorOptions(parse);
            var options = new FileGenerationOptions
            {
                OutputPath = parse.GetRequiredValue(output).FullName,
                Events = parse.GetValue(stream.Events),
                Duration = parse.GetValue(stream.Duration),
                Rate = rate,
                Codec = parse.GetValue(codec),
                Generator = generator,
            };

            var error = parse.InvocationConfiguration.Error;
            await error.WriteLineAsync($"generate: {GeneratorCommandOptions.Describe(rate, generator)} -> {options.OutputPath}");
            var result = await FileGenerator.RunAsync(options, error, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {result.Records:N0} events ({result.DirtyRecords:N0} dirty) to {options.OutputPath} ({result.FileBytes / 1e6:F1} MB) in {result.Elapsed.TotalSeconds:F1}s, {result.RecordsPerSecond:N0} events/s; labels: {options.LabelsPath}"));
            return 0;
        });
        return command;
    }
}
