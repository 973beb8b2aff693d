using BenchmarkDotNet.Attributes;
using CartStream.Events;
using CartStream.Events.Avro;

namespace CartStream.Benchmarks;

/// <summary>
/// Writing sales events into an Avro container file (encode, block, compress) per codec, into a stream that
/// discards the bytes, so the disk is not measured. Times are per event.
/// </summary>
[MemoryDiagnoser]
public class AvroContainerWriterBenchmarks
{
    private const int Count = 20_000;

    private SalesEvent[] _events = [];

    [Params(AvroCodec.Null, AvroCodec.Deflate, AvroCodec.Snappy, AvroCodec.Zstandard)]
    public AvroCodec Codec { get; set; }

    [GlobalSetup]
    public void Setup() => _events = SampleEvents.Create(Count);

    [Benchmark(OperationsPerInvoke = Count)]
    public long WriteContainerFile()
    {
        using var writer = new AvroContainerWriter(Stream.Null, SalesEventSchema.Json, Codec);
        foreach (var value in _events)
        {
            writer.Write(value);
        }

        return writer.RecordCount;
    }
}
