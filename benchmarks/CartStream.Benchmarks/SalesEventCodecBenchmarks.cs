using System.Buffers;
using Avro.Generic;
using Avro.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Events.Tests.Avro;

namespace CartStream.Benchmarks;

/// <summary>
/// Encode and decode of one sales event: our hand-written codec beside Apache.Avro's generic datum writer and
/// reader (the baseline). Each invocation handles <see cref="Count"/> events, so times are per event. Apache's
/// generic records are built in setup, outside the timed code, which favours the baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SalesEventCodecBenchmarks
{
    private const int Count = 1000;

    private SalesEvent[] _events = [];
    private GenericRecord[] _records = [];
    private ArrayBufferWriter<byte> _output = new();
    private byte[] _encoded = [];
    private int[] _offsets = [];
    private SalesEvent _into = new();
    private MemoryStream _apacheOutput = new();
    private BinaryEncoder _apacheEncoder = null!;
    private GenericDatumWriter<GenericRecord> _apacheWriter = null!;
    private GenericDatumReader<GenericRecord> _apacheReader = null!;
    private MemoryStream _apacheInput = new();
    private BinaryDecoder _apacheDecoder = null!;
    private GenericRecord? _apacheReuse;

    [GlobalSetup]
    public void Setup()
    {
        _events = SampleEvents.Create(Count);
        _records = [.. _events.Select(ApacheSalesEvent.ToRecord)];
        _output = new ArrayBufferWriter<byte>(1 << 20);

        var offsets = new List<int>();
        foreach (var value in _events)
        {
            offsets.Add(_output.WrittenCount);
            SalesEventCodec.Write(value, _output);
        }

        offsets.Add(_output.WrittenCount);
        _offsets = [.. offsets];
        _encoded = _output.WrittenSpan.ToArray();

        _apacheOutput = new MemoryStream(1 << 20);
        _apacheEncoder = new BinaryEncoder(_apacheOutput);
        _apacheWriter = new GenericDatumWriter<GenericRecord>(ApacheSalesEvent.Schema);
        _apacheReader = new GenericDatumReader<GenericRecord>(ApacheSalesEvent.Schema, ApacheSalesEvent.Schema);
        _apacheInput = new MemoryStream(_encoded, writable: false);
        _apacheDecoder = new BinaryDecoder(_apacheInput);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory("Encode")]
    public long Encode_ApacheAvroGeneric()
    {
        _apacheOutput.Position = 0;
        foreach (var record in _records)
        {
            _apacheWriter.Write(record, _apacheEncoder);
        }

        return _apacheOutput.Position;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("Encode")]
    public int Encode_SalesEventCodec()
    {
        _output.ResetWrittenCount();
        foreach (var value in _events)
        {
            SalesEventCodec.Write(value, _output);
        }

        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory("Decode")]
    public object? Decode_ApacheAvroGeneric()
    {
        _apacheInput.Position = 0;
        for (var i = 0; i < Count; i++)
        {
            _apacheReuse = _apacheReader.Read(_apacheReuse!, _apacheDecoder);
        }

        return _apacheReuse;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("Decode")]
    public SalesEvent Decode_SalesEventCodec()
    {
        var source = _encoded.AsSpan();
        for (var i = 0; i < Count; i++)
        {
            source = source[SalesEventCodec.Read(source, _into)..];
        }

        return _into;
    }
}
