using System.Diagnostics;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Events.Reference;
using CartStream.Transform.Batch;
using CartStream.Transform.Cleaning;
using CartStream.Transform.Dedup;
using CartStream.Transform.Input;
using CartStream.Transform.Parquet;

namespace CartStream.Benchmarks;

/// <summary>
/// Where the transform's time goes, phase by phase, on the data of <see cref="TransformBenchmarks"/>: each line is
/// a cumulative pass (decode, then decode + clean, ...) so a phase's cost is the difference to the line above it;
/// Parquet is split by table. Best of several rounds, thread CPU time of the measuring thread.
/// </summary>
public static class TransformProfile
{
    private const string Key = "topics/sales/partition=0/sales+0+0000000000.avro";

    public static async Task RunAsync(TextWriter output, int rounds = 5)
    {
        var benchmark = new TransformBenchmarks();
        benchmark.Setup();
        var file = benchmark.File;
        var rows = TransformBenchmarks.RowCount;
        var best = new Dictionary<string, double>();
        void Keep(string phase, TimeSpan t) => best[phase] = Math.Min(best.GetValueOrDefault(phase, double.MaxValue), t.TotalSeconds);

        for (var round = 0; round < rounds; round++)
        {
            Keep("1 container read + framing", Time(() => Walk(file, (_, _) => { })));
            var e = new SalesEvent();
            Keep("2 + codec decode", Time(() => Walk(file, (r, _) => SalesEventCodec.Read(r, e))));
            var cleaner = new SalesEventCleaner(ReferenceData.Default);
            var sale = new CleanSale();
            var codes = new List<string>();
            Keep("3 + validate and clean", Time(() => Walk(file, (r, _) =>
            {
                SalesEventCodec.Read(r, e);
                codes.Clear();
                cleaner.Clean(e, TransformBenchmarks.ProcessingTime, sale, codes);
            })));
            var dedup = new DedupIndex();
            Keep("4 + dedup", Time(() => Walk(file, (r, i) =>
            {
                SalesEventCodec.Read(r, e);
                codes.Clear();
                cleaner.Clean(e, TransformBenchmarks.ProcessingTime, sale, codes);
                dedup.IsDuplicate(e.EventId, Key, i, e.EventTime);
            })));
            TransformBatch? batch = null;
            Keep("5 + keys and model (TransformBatch)", Time(() =>
            {
                var index = new DedupIndex();
                batch = new TransformBatch(ReferenceData.Default, TransformBenchmarks.ProcessingTime, _ => index);
                RawFileDecoder.Read(batch, Key, file, TransformBenchmarks.ProcessingTime);
            }));
            foreach (var group in TransformBenchmarks.Tables(batch!.Model).GroupBy(t => t switch
            {
                FactSalesTable => "parquet fact_sales",
                RejectedTable => "parquet rejected",
                _ => "parquet dimensions",
            }))
            {
                var t = Time(() =>
                {
                    foreach (var table in group)
                    {
                        using var stream = new MemoryStream();
                        ParquetPartWriter.WriteAsync(table, stream, CancellationToken.None).GetAwaiter().GetResult();
                    }
                });
                Keep(group.Key, t);
            }
        }

        await output.WriteLineAsync($"transform profile, {rows:N0} rows, best of {rounds} rounds, process CPU seconds (cumulative passes 1-5):");
        foreach (var (phase, seconds) in best.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  {phase,-40} {seconds,7:F3} s  {rows / seconds,12:N0} rows/s");
        }

        var total = best["5 + keys and model (TransformBatch)"] + best.Where(p => p.Key.StartsWith("parquet", StringComparison.Ordinal)).Sum(p => p.Value);
        await output.WriteLineAsync($"  {"raw Avro -> Parquet",-40} {total,7:F3} s  {rows / total,12:N0} rows/s");
    }

    private static void Walk(byte[] file, Action<ReadOnlySpan<byte>, long> onRecord)
    {
        using var stream = new MemoryStream(file, writable: false);
        using var reader = new AvroContainerReader(stream, Key);
        var arena = new RecordArena();
        foreach (var record in reader.ReadRecords())
        {
            arena.Add(record.Span);
        }

        for (var i = 0; i < arena.Count; i++)
        {
            onRecord(arena[i], i);
        }
    }

    private static TimeSpan Time(Action action)
    {
        var start = ThreadCpu();
        action();
        return ThreadCpu() - start;
    }

    // Process CPU time, as TransformCpuTimeRun: the garbage collector's threads are part of the cost.
    private static TimeSpan ThreadCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
