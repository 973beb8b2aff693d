using System.Text;
using BenchmarkDotNet.Attributes;
using CartStream.Events.Avro;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;

namespace CartStream.Benchmarks;

/// <summary>
/// The sink's per-partition core: 100,000 already-encoded records of about 300 bytes appended in offset order
/// and published as files of 20,000 records to a local lake folder (each file fsynced, as in production).
/// Kafka is not involved: this is the ceiling the sink's consumer loop works under.
/// </summary>
[MemoryDiagnoser]
public class PartitionFileWriterBenchmarks
{
    private const int Records = 100_000;
    private static readonly WriterSchema Schema = new(1, """{"type":"record","name":"R","fields":[{"name":"payload","type":"string"}]}""");
    private readonly List<ReadOnlyMemory<byte>> _records = [];
    private string _root = "";
    private LocalObjectStore _store = null!;

    [Params(AvroCodec.Null, AvroCodec.Snappy, AvroCodec.Zstandard)]
    public AvroCodec Codec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < Records; i++)
        {
            // Event-like text: ids, amounts and repeated field values, so that compression sees realistic redundancy.
            var text = $"order-{random.Next(1_000_000):D7}|customer-{random.Next(50_000):D6}|sku-{random.Next(2_000):D5}|qty={random.Next(1, 9)}|price={random.Next(100, 99_999) / 100m}|EUR|web|card|shipped|Paris|France|2026-11-24T10:{random.Next(60):D2}:{random.Next(60):D2}Z|" +
                       "Rue de Rivoli 1, 75001 Paris|marie.dupont@example.com|promo-none|gift=false|notes=";
            var bytes = Encoding.UTF8.GetBytes(text);
            var record = new byte[bytes.Length + 2];
            record[0] = (byte)((bytes.Length << 1) & 0x7F | 0x80);
            record[1] = (byte)(bytes.Length >> 6);
            bytes.CopyTo(record, 2);
            _records.Add(record);
        }

        _root = Directory.CreateTempSubdirectory("cartstream-bench-").FullName;
        _store = new LocalObjectStore(_root);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public async Task AppendAndPublish()
    {
        var writer = new PartitionFileWriter(_store, "bench", 0, new PartitionFileWriterOptions { MaxRecords = 20_000, Codec = Codec, MaxFileAge = TimeSpan.FromHours(1) });
        var time = DateTimeOffset.UnixEpoch;
        for (var offset = 0; offset < Records; offset++)
        {
            await writer.AppendAsync(offset, time, Schema, _records[offset]);
        }

        await writer.PublishAsync();
    }
}
