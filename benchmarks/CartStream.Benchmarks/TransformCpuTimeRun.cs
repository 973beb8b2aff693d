using System.Diagnostics;
using CartStream.Events.Reference;
using CartStream.Transform.Batch;
using CartStream.Transform.Dedup;
using CartStream.Transform.Input;
using CartStream.Transform.Parquet;

namespace CartStream.Benchmarks;

/// <summary>
/// The transform's hot path measured in process CPU time rather than wall time, for a machine shared with other
/// work: the same work as <see cref="TransformBenchmarks"/>, split into its two phases (decode + validate + model,
/// then Parquet), best of several rounds. Run: <c>-- transform-cpu-time</c>.
/// </summary>
public static class TransformCpuTimeRun
{
    public static async Task RunAsync(TextWriter output, int rounds = 5)
    {
        var benchmark = new TransformBenchmarks();
        benchmark.Setup();
        var rows = TransformBenchmarks.RowCount;
        var best = (Batch: double.MaxValue, Parquet: double.MaxValue);
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            var t0 = CpuTime(process);
            var dedup = new DedupIndex();
            var batch = new TransformBatch(ReferenceData.Default, TransformBenchmarks.ProcessingTime, _ => dedup);
            RawFileDecoder.Read(batch, "topics/sales/partition=0/sales+0+0000000000.avro", benchmark.File, TransformBenchmarks.ProcessingTime);
            var t1 = CpuTime(process);
            foreach (var table in TransformBenchmarks.Tables(batch.Model))
            {
                using var stream = new MemoryStream();
                await ParquetPartWriter.WriteAsync(table, stream, CancellationToken.None);
            }

            var t2 = CpuTime(process);
            best = (Math.Min(best.Batch, (t1 - t0).TotalSeconds), Math.Min(best.Parquet, (t2 - t1).TotalSeconds));
        }

        output.WriteLine($"transform, {rows:N0} rows, best of {rounds} rounds in process CPU seconds:");
        output.WriteLine($"  decode + validate + clean + dedup + model: {best.Batch:F3} s = {rows / best.Batch:N0} rows/s");
        output.WriteLine($"  Parquet (zstd, all tables):               {best.Parquet:F3} s = {rows / best.Parquet:N0} rows/s");
        output.WriteLine($"  raw Avro -> Parquet:                      {best.Batch + best.Parquet:F3} s = {rows / (best.Batch + best.Parquet):N0} rows/s");
    }

    private static TimeSpan CpuTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
