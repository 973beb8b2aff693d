using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using CartStream.Events.Avro;
using CartStream.Generator;

namespace CartStream.Benchmarks;

/// <summary>
/// Generation and generation + encode throughput measured in CPU time of this process rather than wall time: on a
/// machine shared with other builds, wall-clock benchmarks measure the neighbours, CPU time measures the code.
/// Run with <c>-- cpu-time</c>.
/// </summary>
internal static class CpuTimeRun
{
    public static void Run(TextWriter output)
    {
        const int events = 2_000_000;
        var generator = new SalesEventGenerator(new GeneratorOptions
        {
            Seed = 42,
            SimulatedStartUtc = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
        });
        var record = new GeneratedRecord();
        var buffer = new ArrayBufferWriter<byte>(1024);
        Measure("warm-up", 300_000, () => GenerateAndEncode(generator, record, buffer), null);
        for (var round = 1; round <= 3; round++)
        {
            Measure($"round {round}: generate", events, () => generator.Next(record), output);
            Measure($"round {round}: generate + encode", events, () => GenerateAndEncode(generator, record, buffer), output);
        }
    }

    private static void GenerateAndEncode(SalesEventGenerator generator, GeneratedRecord record, ArrayBufferWriter<byte> buffer)
    {
        generator.Next(record);
        buffer.ResetWrittenCount();
        SalesEventCodec.Write(record.Event, buffer);
    }

    private static void Measure(string name, int events, Action step, TextWriter? output)
    {
        var process = Process.GetCurrentProcess();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            step();
        }

        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        output?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-32} {events / cpuSeconds,12:N0} events/s CPU time  {events / wall.Elapsed.TotalSeconds,12:N0} events/s wall  {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)events,6:F1} B/event"));
    }
}
