using System.Security.Cryptography;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Generator.Files;
using CartStream.Generator.Labels;
using CartStream.Generator.Rate;
using CartStream.Testing;

namespace CartStream.Generator.Tests;

/// <summary>The files <c>cartstream generate</c> writes, read back by independent means.</summary>
public sealed class GenerateFileTests
{
    private static readonly DateTime Start = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_100000_event_file_at_max_rate_reads_in_python3_avro_as_100000_sales_events()
    {
        using var temp = new TempDirectory("generate");
        var output = temp.Combine("x.avro");

        // The built cartstream command, as `dotnet run --project src/CartStream.Cli -- generate ...` runs it.
        var cli = await ExternalProcess.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "cartstream.dll"), "generate", "--events", "100000", "--rate", "max", "--out", output],
            TimeSpan.FromMinutes(3),
            TestContext.Current.CancellationToken);
        cli.EnsureSuccess("cartstream generate");

        var check = await ExternalProcess.RunAsync(
            "/usr/bin/python3",
            [RepoPaths.Combine("scripts", "check-avro-file.py"), output, "100000", output + ".labels.jsonl"],
            TimeSpan.FromMinutes(3),
            TestContext.Current.CancellationToken);
        check.EnsureSuccess("python3-avro check");
        Assert.Contains("\"records\": 100000", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"schema\": \"cartstream.events.SalesEvent\"", check.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_name_exactly_the_dirty_records_by_the_hash_of_their_bytes_in_the_file()
    {
        using var temp = new TempDirectory("labels");
        var options = Options(temp.Combine("labels.avro"), seed: 11, events: 30_000);
        var result = await FileGenerator.RunAsync(options, null, TestContext.Current.CancellationToken);

        var labels = DefectLabel.ReadAll(options.LabelsPath).ToDictionary(l => l.Seq);
        Assert.Equal(result.DirtyRecords, labels.Count);
        var seen = new HashSet<Guid>();
        var seq = 0L;
        foreach (var (payload, e) in OcfRecordSlicer.Records(await File.ReadAllBytesAsync(options.OutputPath, TestContext.Current.CancellationToken)))
        {
            var found = DefectRules.Check(e, Start.AddDays(30), seen);
            if (labels.TryGetValue(seq, out var label))
            {
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payload)), label.PayloadSha256);
                Assert.Equal(e.EventId.ToString(), label.EventId);
                Assert.Equal(label.Defects.Order(), found.Order());
            }
            else
            {
                Assert.True(found.Count == 0, $"record {seq} is not labelled but breaks {string.Join(",", found)}");
            }

            seq++;
        }

        Assert.Equal(30_000, seq);
        Assert.InRange(labels.Count, 30_000 * 0.02 * 0.8, 30_000 * 0.02 * 1.2);
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        using var temp = new TempDirectory("determinism");
        var first = Options(temp.Combine("a.avro"), seed: 5, events: 20_000);
        var second = Options(temp.Combine("b.avro"), seed: 5, events: 20_000);
        var other = Options(temp.Combine("c.avro"), seed: 6, events: 20_000);
        foreach (var options in new[] { first, second, other })
        {
            await FileGenerator.RunAsync(options, null, TestContext.Current.CancellationToken);
        }

        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(await File.ReadAllBytesAsync(first.OutputPath, ct), await File.ReadAllBytesAsync(second.OutputPath, ct));
        Assert.Equal(await File.ReadAllBytesAsync(first.LabelsPath, ct), await File.ReadAllBytesAsync(second.LabelsPath, ct));
        Assert.NotEqual(await File.ReadAllBytesAsync(first.OutputPath, ct), await File.ReadAllBytesAsync(other.OutputPath, ct));
    }

    [Fact]
    public void Not_avro_payloads_for_kafka_are_refused_by_the_avro_decoder()
    {
        var generator = new SalesEventGenerator(new GeneratorOptions { Seed = 3, DirtyRatio = 0.5, AllowNotAvro = true, SimulatedStartUtc = Start });
        var notAvro = Enumerable.Range(0, 2_000).Select(_ => generator.Next()).Where(r => r.NotAvroPayload is not null).ToList();
        Assert.NotEmpty(notAvro);
        foreach (var record in notAvro)
        {
            Assert.Equal([DefectCode.NotAvro], record.Defects);
            Assert.ThrowsAny<AvroFormatException>(() => SalesEventCodec.Read(record.NotAvroPayload));
        }
    }

    [Fact]
    public async Task A_container_file_never_gets_not_avro_records()
    {
        using var temp = new TempDirectory("no-not-avro");
        var options = Options(temp.Combine("x.avro"), seed: 1, events: 10);
        options.Generator.AllowNotAvro = true;
        await Assert.ThrowsAsync<ArgumentException>(() => FileGenerator.RunAsync(options, null, TestContext.Current.CancellationToken));
    }

    private static FileGenerationOptions Options(string path, long seed, long events) => new()
    {
        OutputPath = path,
        Events = events,
        Rate = GenerationRate.Max,
        Generator = new GeneratorOptions { Seed = seed, SimulatedStartUtc = Start, FutureAnchorUtc = Start.AddDays(60) },
    };
}
