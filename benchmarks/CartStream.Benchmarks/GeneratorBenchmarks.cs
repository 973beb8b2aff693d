using System.Buffers;
using BenchmarkDotNet.Attributes;
using CartStream.Events.Avro;
using CartStream.Generator;

namespace CartStream.Benchmarks;

/// <summary>
/// The producer's hot path: generate the next record and encode it to Avro binary, as <c>cartstream generate</c>
/// and the Kafka producer do. One operation is one event.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int EventsPerInvoke = 100_000;
    private readonly GeneratedRecord _record = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private SalesEventGenerator _generator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generator = new SalesEventGenerator(new GeneratorOptions
        {
            Seed = 42,
            SimulatedStartUtc = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
        });

        // Warm the customer population so the measured part is the steady state of a long run.
        for (var i = 0; i < 200_000; i++)
        {
            _generator.Next(_record);
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long Generate()
    {
        var dirty = 0L;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            _generator.Next(_record);
            dirty += _record.Defects.Count;
        }

        return dirty;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public long GenerateAndEncode()
    {
        var bytes = 0L;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            _generator.Next(_record);
            _buffer.ResetWrittenCount();
            SalesEventCodec.Write(_record.Event, _buffer);
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }
}
