using System.Diagnostics;

namespace CartStream.Benchmarks;

/// <summary>
/// A quick cross-check of the BenchmarkDotNet numbers on a busy shared machine: runs the codec and container writer
/// benchmarks for a fixed number of events and divides by the process CPU time, not wall time, so time other
/// processes take from our core does not count. Run with <c>cpu-time</c> as the first argument.
/// </summary>
public static class CpuTimeRunner
{
    private const int CodecRounds = 3000;
    private const int CodecEvents = 1000;
    private const int ContainerRounds = 60;
    private const int ContainerEvents = 20_000;

    public static void Run()
    {
        var benchmarks = new SalesEventCodecBenchmarks();
        benchmarks.Setup();
        var cases = new List<(string Name, Action Body, int Rounds, int Events)>
        {
            ("Encode_SalesEventCodec", () => benchmarks.Encode_SalesEventCodec(), CodecRounds, CodecEvents),
            ("Encode_ApacheAvroGeneric", () => benchmarks.Encode_ApacheAvroGeneric(), CodecRounds, CodecEvents),
            ("Decode_SalesEventCodec", () => benchmarks.Decode_SalesEventCodec(), CodecRounds, CodecEvents),
            ("Decode_ApacheAvroGeneric", () => benchmarks.Decode_ApacheAvroGeneric(), CodecRounds, CodecEvents),
        };
        foreach (var codec in Enum.GetValues<CartStream.Events.Avro.AvroCodec>())
        {
            var container = new AvroContainerWriterBenchmarks { Codec = codec };
            container.Setup();
            cases.Add(($"WriteContainerFile_{codec}", () => container.WriteContainerFile(), ContainerRounds, ContainerEvents));
        }

        Console.WriteLine($"{"Method",-30} {"CPU ns/event",12} {"events/s (CPU)",15} {"wall ns/event",14} {"alloc B/event",14}");
        foreach (var (name, body, rounds, eventsPerRound) in cases)
        {
            for (var i = 0; i < rounds / 10; i++)
            {
                body(); // warm up and let tiered compilation settle
            }

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++)
            {
                body();
            }

            wall.Stop();
            process.Refresh();
            var events = (double)rounds * eventsPerRound;
            var cpuNs = (process.TotalProcessorTime - cpuBefore).TotalNanoseconds / events;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / events;
            Console.WriteLine($"{name,-30} {cpuNs,12:F0} {1e9 / cpuNs,15:N0} {wall.Elapsed.TotalNanoseconds / events,14:F0} {allocated,14:F1}");
        }
    }
}
