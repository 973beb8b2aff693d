using CartStream.Events.Avro;
using CartStream.Generator.Files;
using CartStream.Generator.Rate;
using CartStream.Testing;

namespace CartStream.Generator.Tests;

/// <summary>Runs under a rate limit, and what the command refuses.</summary>
public sealed class RateLimitedRunTests
{
    [Fact]
    public async Task A_rate_limited_run_writes_whole_bursts_stamped_with_wall_clock_time()
    {
        using var temp = new TempDirectory("rate");
        var options = new FileGenerationOptions
        {
            OutputPath = temp.Combine("paced.avro"),
            Duration = TimeSpan.FromSeconds(1),
            Rate = GenerationRate.Burst(500, TimeSpan.FromMilliseconds(250)),
            Generator = new GeneratorOptions { Seed = 9, DirtyRatio = 0 },
        };
        var before = DateTime.UtcNow.AddMilliseconds(-1);
        var result = await FileGenerator.RunAsync(options, null, TestContext.Current.CancellationToken);
        var after = DateTime.UtcNow;

        Assert.True(result.Records > 0);
        Assert.Equal(0, result.Records % 500);
        var events = OcfRecordSlicer.Records(await File.ReadAllBytesAsync(options.OutputPath, TestContext.Current.CancellationToken)).ToList();
        Assert.Equal(result.Records, events.Count);
        Assert.All(events, r => Assert.InRange(r.Event.EventTime!.Value, before, after));
    }

    [Theory]
    [InlineData("--out", "x.avro")]
    [InlineData("--events", "10", "--start", "2026-01-01", "--out", "x.avro")]
    [InlineData("--events", "10", "--rate", "fast", "--out", "x.avro")]
    [InlineData("--events", "10", "--dirty-ratio", "1.5", "--out", "x.avro")]
    public async Task The_command_refuses_an_incomplete_or_contradictory_run_without_writing_a_file(params string[] arguments)
    {
        using var temp = new TempDirectory("refuse");
        var result = await ExternalProcess.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "cartstream.dll"), "generate", .. arguments],
            TimeSpan.FromMinutes(2),
            TestContext.Current.CancellationToken,
            workingDirectory: temp.Path);
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(temp.Combine("x.avro")));
    }

    [Fact]
    public async Task A_deflate_compressed_file_reads_in_python3_avro()
    {
        using var temp = new TempDirectory("deflate");
        var options = new FileGenerationOptions
        {
            OutputPath = temp.Combine("deflate.avro"),
            Events = 5_000,
            Rate = GenerationRate.Max,
            Codec = AvroCodec.Deflate,
            Generator = new GeneratorOptions { Seed = 4, SimulatedStartUtc = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc) },
        };
        await FileGenerator.RunAsync(options, null, TestContext.Current.CancellationToken);

        var check = await ExternalProcess.RunAsync(
            "/usr/bin/python3",
            [RepoPaths.Combine("scripts", "check-avro-file.py"), options.OutputPath, "5000", options.LabelsPath],
            TimeSpan.FromMinutes(2),
            TestContext.Current.CancellationToken);
        check.EnsureSuccess("python3-avro check");
        Assert.Contains("\"codec\": \"deflate\"", check.StandardOutput, StringComparison.Ordinal);
    }
}
