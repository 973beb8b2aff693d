using System.Diagnostics;

namespace CartStream.Benchmarks;

/// <summary>
/// A quick cross-check of the BenchmarkDotNet numbers on a busy shared machine: runs each codec benchmark for a
/// fixed number of events and divides by the process CPU time, not wall time, so time other processes take from
/// our core does not count. Run with <c>cpu-time</c> as the first argument.
/// </summary>
public static class CpuTimeRunner
{
    private const int Rounds = 3000;
    private const int EventsPerRound = 1000;

    public static void Run()
    {
        var benchmarks = new SalesEventCodecBenchmarks();
        benchmarks.Setup();
        var cases = new (string Name, Action Body)[]
        {
            ("Encode_SalesEventCodec", () => benchmarks.Encode_SalesEventCodec()),
            ("Encode_ApacheAvroGeneric", () => benchmarks.Encode_ApacheAvroGeneric()),
            ("Decode_SalesEventCodec", () => benchmarks.Decode_SalesEventCodec()),
            ("Decode_ApacheAvroGeneric", () => benchmarks.Decode_ApacheAvroGeneric()),
        };

        Console.WriteLine($"{"Method",-26} {"CPU ns/event",12} {"events/s (CPU)",15} {"wall ns/event",14} {"alloc B/event",14}");
        foreach (var (name, body) in cases)
        {
            for (var i = 0; i < Rounds / 10; i++)
            {
                body(); // warm up and let tiered compilation settle
            }

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < Rounds; i++)
            {
                body();
            }

            wall.Stop();
            process.Refresh();
            var events = (double)Rounds * EventsPerRound;
            var cpuNs = (process.TotalProcessorTime - cpuBefore).TotalNanoseconds / events;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / events;
            Console.WriteLine($"{name,-26} {cpuNs,12:F0} {1e9 / cpuNs,15:N0} {wall.Elapsed.TotalNanoseconds / events,14:F0} {allocated,14:F1}");
        }
    }
}
