using BenchmarkDotNet.Attributes;
using CartStream.Events.Avro;
using CartStream.Events.Reference;
using CartStream.Generator;
using CartStream.Transform.Batch;
using CartStream.Transform.Dedup;
using CartStream.Transform.Input;
using CartStream.Transform.Model;
using CartStream.Transform.Parquet;

namespace CartStream.Benchmarks;

/// <summary>
/// The transform's hot path on one core: a raw Avro container file (snappy, as the sink lands it) of generated
/// events with 2 % dirty records -> decode, validate, clean, de-duplicate, build the model -> every Parquet part
/// (zstd) in memory. Times are per input row (OperationsPerInvoke); rows/s = 1e9 / ns per row. No object store:
/// the I/O of a local disk or S3 is measured by the end-to-end harness, not here.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TransformBenchmarks
{
    public const int RowCount = 200_000;
    private const int Rows = RowCount;

    public static readonly DateTime ProcessingTime = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private byte[] _file = [];

    /// <summary>The raw container file the benchmark reads.</summary>
    public byte[] File => _file;

    /// <summary>Every part a batch writes: facts and rejected per date, then the dimensions.</summary>
    internal static IEnumerable<IParquetTable> Tables(StarModelBatch model) =>
        model.Facts.Values.Cast<IParquetTable>()
            .Concat(model.Rejected.Values)
            .Concat(TableName.Dimensions.Select(n => model.Dimensions[n]).Where(t => t.Count > 0));

    [GlobalSetup]
    public void Setup()
    {
        var generator = new SalesEventGenerator(new GeneratorOptions
        {
            Seed = 1,
            SimulatedStartUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            SimulatedEventsPerDay = 100_000,
            FutureAnchorUtc = ProcessingTime,
        });
        using var buffer = new MemoryStream();
        using (var writer = new AvroContainerWriter(buffer, Events.SalesEventSchema.Json, AvroCodec.Snappy))
        {
            var record = new GeneratedRecord();
            for (var i = 0; i < Rows; i++)
            {
                generator.Next(record);
                writer.Write(record.Event);
            }
        }

        _file = buffer.ToArray();
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "raw Avro -> validated -> Parquet (per row)")]
    public async Task<long> AvroToParquet()
    {
        var dedup = new DedupIndex();
        var batch = new TransformBatch(ReferenceData.Default, ProcessingTime, _ => dedup);
        RawFileDecoder.Read(batch, "topics/sales/partition=0/sales+0+0000000000.avro", _file, ProcessingTime);
        long bytes = 0;
        foreach (var table in Tables(batch.Model))
        {
            using var output = new MemoryStream();
            await ParquetPartWriter.WriteAsync(table, output, CancellationToken.None);
            bytes += output.Length;
        }

        return bytes;
    }
}
