using System.Text.Json;
using CartStream.Events.Avro;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Tests.Sink;

public sealed class PartitionFileWriterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("sink");
    private readonly LocalObjectStore _store;

    public PartitionFileWriterTests()
    {
        _store = new LocalObjectStore(_folder.Combine("lake"));
    }

    [Fact]
    public async Task Files_rotate_by_record_count_and_are_named_by_their_first_offset()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 2, new PartitionFileWriterOptions { MaxRecords = 3, Codec = AvroCodec.Deflate });

        var published = new List<PublishedBatch>();
        for (var offset = 0L; offset < 7; offset++)
        {
            if (await writer.AppendAsync(offset, T0, OffsetRecords.Schema, OffsetRecords.Encode(offset), ct) is { } batch)
            {
                published.Add(batch);
            }
        }

        published.Add((await writer.PublishAsync(ct))!);

        Assert.Equal(
            ["topics/sales/partition=2/sales+2+0000000000.avro", "topics/sales/partition=2/sales+2+0000000003.avro", "topics/sales/partition=2/sales+2+0000000006.avro"],
            published.SelectMany(b => b.Files).Select(f => f.Key));
        Assert.Equal([(0L, 2L), (3L, 5L), (6L, 6L)], published.Select(b => (b.StartOffset, b.EndOffset)));

        // An independent reader (python3-avro) finds each offset once, in the file its name promises.
        var dumps = await DumpAsync(published.SelectMany(b => b.Files).Select(f => f.Key), ct);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], dumps.SelectMany(d => d.Offsets));
        Assert.All(dumps, d => Assert.Equal(d.Offsets[0].ToString(System.Globalization.CultureInfo.InvariantCulture), d.Meta["cartstream.start_offset"]));
        Assert.Equal("7", dumps[0].Meta["cartstream.schema_id"]);
    }

    [Fact]
    public async Task Record_time_rotation_closes_files_on_interval_boundaries()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 0, new PartitionFileWriterOptions { RecordTimeInterval = TimeSpan.FromMinutes(1) });
        DateTimeOffset[] times = [T0.AddSeconds(10), T0.AddSeconds(50), T0.AddSeconds(65), T0.AddSeconds(119), T0.AddMinutes(5)];

        var published = new List<PublishedBatch>();
        for (var i = 0; i < times.Length; i++)
        {
            if (await writer.AppendAsync(i, times[i], OffsetRecords.Schema, OffsetRecords.Encode(i), ct) is { } batch)
            {
                published.Add(batch);
            }
        }

        Assert.Equal([(0L, 1L), (2L, 3L)], published.Select(b => (b.StartOffset, b.EndOffset)));
        Assert.Equal(1, writer.BufferedRecords);
    }

    [Fact]
    public async Task Ten_events_then_silence_are_published_once_the_maximum_file_age_passes()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ManualTimeProvider();
        var writer = new PartitionFileWriter(_store, "sales", 0, new PartitionFileWriterOptions { MaxFileAge = TimeSpan.FromSeconds(1) }, time: clock);
        for (var offset = 0L; offset < 10; offset++)
        {
            await writer.AppendAsync(offset, T0, OffsetRecords.Schema, OffsetRecords.Encode(offset), ct);
        }

        var early = await writer.PublishIfDueAsync(ct);
        clock.Advance(TimeSpan.FromMilliseconds(1001));
        var due = await writer.PublishIfDueAsync(ct);

        Assert.Null(early);
        Assert.NotNull(due);
        Assert.Equal(10, due.RecordCount);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), (await LakeContents.OffsetsAsync(_store, "sales", ct)).Select(o => o.Offset));
    }

    [Fact]
    public async Task The_time_based_layout_files_by_record_hour_and_never_spans_two_hours()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 1, new PartitionFileWriterOptions { TimeBasedLayout = true });

        await writer.AppendAsync(0, T0.AddMinutes(59), OffsetRecords.Schema, OffsetRecords.Encode(0), ct);
        var first = await writer.AppendAsync(1, T0.AddMinutes(61), OffsetRecords.Schema, OffsetRecords.Encode(1), ct);
        var second = await writer.PublishAsync(ct);

        Assert.Equal("topics/sales/year=2026/month=11/day=24/hour=10/sales+1+0000000000.avro", first!.Files.Single().Key);
        Assert.Equal("topics/sales/year=2026/month=11/day=24/hour=11/sales+1+0000000001.avro", second!.Files.Single().Key);
        Assert.True(LakeLayout.TryParseRawFileKey(second.Files.Single().Key, out var parsed));
        Assert.Equal(new RawFileId("sales", 1, 1), parsed);
    }

    [Fact]
    public async Task A_schema_change_closes_the_file_so_each_file_has_one_writer_schema()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 0, new PartitionFileWriterOptions());

        await writer.AppendAsync(0, T0, OffsetRecords.Schema, OffsetRecords.Encode(0), ct);
        var closed = await writer.AppendAsync(1, T0, OffsetRecords.OtherSchema, OffsetRecords.Encode(1), ct);

        Assert.NotNull(closed);
        Assert.Equal(0, closed.EndOffset);
    }

    [Fact]
    public async Task Dead_letters_land_with_their_original_bytes_and_reason_beside_the_good_records()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 0, new PartitionFileWriterOptions { Codec = AvroCodec.Null });
        byte[] garbage = [0x42, 0x00, 0xFF];

        await writer.AppendAsync(0, T0, OffsetRecords.Schema, OffsetRecords.Encode(0), ct);
        await writer.AppendDeadLetterAsync(1, T0, key: null, value: garbage, "wrong magic byte 0x42", ct);
        await writer.AppendAsync(2, T0, OffsetRecords.Schema, OffsetRecords.Encode(2), ct);
        var batch = await writer.PublishAsync(ct);

        Assert.Equal(["topics/sales-dlq/partition=0/sales-dlq+0+0000000001.avro", "topics/sales/partition=0/sales+0+0000000000.avro"], batch!.Files.Select(f => f.Key));
        var dlq = (await DumpAsync([batch.Files[0].Key], ct)).Single();
        var letter = dlq.Records.Single();
        Assert.Equal("wrong magic byte 0x42", letter.GetProperty("reason").GetString());
        Assert.Equal(1, letter.GetProperty("offset").GetInt64());
        Assert.Equal(garbage, Convert.FromBase64String(letter.GetProperty("value").GetProperty("base64").GetString()!));
        Assert.Equal(JsonValueKind.Null, letter.GetProperty("key").ValueKind);
        Assert.Equal("2", dlq.Meta["cartstream.batch_files"]);
        // The raw file skips the dead letter's offset, and its header says which offset each record has.
        var raw = (await DumpAsync([batch.Files[1].Key], ct)).Single();
        Assert.Equal([0L, 2L], raw.Offsets);
        Assert.Equal("0:1,2:1", raw.Meta["cartstream.offsets"]);
        Assert.DoesNotContain("cartstream.offsets", dlq.Meta.Keys);
        var state = await SinkPartitionState.ReadAsync(_store, "sales", 0, ct);
        Assert.Equal(2, state!.EndOffset);
    }

    [Fact]
    public async Task Offsets_that_do_not_increase_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 0, new PartitionFileWriterOptions(), nextOffset: 10);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => writer.AppendAsync(9, T0, OffsetRecords.Schema, OffsetRecords.Encode(9), ct));
        await writer.AppendAsync(12, T0, OffsetRecords.Schema, OffsetRecords.Encode(12), ct);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => writer.AppendAsync(12, T0, OffsetRecords.Schema, OffsetRecords.Encode(12), ct));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private async Task<List<Dump>> DumpAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "tools", "avro_dump.py");
        var paths = keys.Select(k => Path.Combine(_store.Root, k)).ToList();
        var result = (await ExternalProcess.RunAsync("/usr/bin/python3", [script, .. paths], TimeSpan.FromSeconds(60), ct)).EnsureSuccess("python3-avro");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            var meta = root.GetProperty("meta").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var records = root.GetProperty("records").EnumerateArray().ToList();
            var offsets = records.Select(r => r.GetProperty("offset").GetInt64()).ToList();
            return new Dump(meta, records, offsets);
        }).ToList();
    }

    private sealed record Dump(Dictionary<string, string> Meta, List<JsonElement> Records, List<long> Offsets);
}
