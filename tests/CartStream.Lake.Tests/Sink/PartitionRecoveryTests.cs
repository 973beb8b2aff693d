using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Tests.Sink;

public sealed class PartitionRecoveryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("recovery");
    private readonly LocalObjectStore _store;

    public PartitionRecoveryTests()
    {
        _store = new LocalObjectStore(_folder.Combine("lake"));
    }

    [Fact]
    public async Task A_partition_never_published_has_no_resume_point()
    {
        var result = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, TestContext.Current.CancellationToken);

        Assert.Null(result.NextOffset);
    }

    [Fact]
    public async Task The_sink_resumes_one_past_the_last_published_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = new PartitionFileWriter(_store, "sales", 0, new PartitionFileWriterOptions());
        await writer.AppendAsync(0, T0, OffsetRecords.Schema, OffsetRecords.Encode(0), ct);
        await writer.AppendAsync(4, T0, OffsetRecords.Schema, OffsetRecords.Encode(4), ct);
        await writer.PublishAsync(ct);

        var result = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);

        Assert.Equal(5, result.NextOffset);
        Assert.Empty(result.AdoptedFiles);
        Assert.Empty(result.DeletedFiles);
    }

    [Fact]
    public async Task A_batch_published_whole_but_not_recorded_is_adopted()
    {
        var ct = TestContext.Current.CancellationToken;
        await PublishAsync(_store, 0, 2, deadLetterAt: -1, ct);
        // Two files are written (dead-letter, raw), then the crash takes the state write.
        var crashing = new FaultyObjectStore(_store, writesBeforeFailure: 2);
        await Assert.ThrowsAsync<ObjectStoreException>(() => PublishAsync(crashing, 3, 6, deadLetterAt: 4, ct));

        var result = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);

        Assert.Equal(7, result.NextOffset);
        Assert.Equal(2, result.AdoptedFiles.Count);
        Assert.Equal(6, (await SinkPartitionState.ReadAsync(_store, "sales", 0, ct))!.EndOffset);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], (await LakeContents.OffsetsAsync(_store, "sales", ct)).Select(o => o.Offset).Order());
    }

    [Fact]
    public async Task Recovery_names_the_last_recorded_batch_for_announcing_again_also_when_it_adopted_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await PublishAsync(_store, 0, 2, deadLetterAt: -1, ct);
        var recorded = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);
        var crashing = new FaultyObjectStore(_store, writesBeforeFailure: 2);
        await Assert.ThrowsAsync<ObjectStoreException>(() => PublishAsync(crashing, 3, 6, deadLetterAt: 4, ct));

        var adopted = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);
        var again = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);

        Assert.Equal([new FileLanded("topics/sales/partition=0/sales+0+0000000000.avro", "sales", 0, 0, 2, 3, IsDeadLetter: false)], recorded.LastBatch!);
        FileLanded[] expected =
        [
            new("topics/sales-dlq/partition=0/sales-dlq+0+0000000004.avro", "sales", 0, 4, 4, 1, IsDeadLetter: true),
            new("topics/sales/partition=0/sales+0+0000000003.avro", "sales", 0, 3, 6, 3, IsDeadLetter: false),
        ];
        Assert.Equal(expected, adopted.LastBatch!);
        Assert.Equal(expected, again.LastBatch!);
    }

    [Fact]
    public async Task A_state_record_left_empty_by_a_cut_off_write_is_rebuilt_from_the_files()
    {
        var ct = TestContext.Current.CancellationToken;
        await PublishAsync(_store, 0, 2, deadLetterAt: -1, ct);
        await PublishAsync(_store, 3, 6, deadLetterAt: 4, ct);
        // What an S3-compatible server can show after a PUT cut off by a crash: the object, with no bytes.
        await _store.PutAsync(CartStream.Lake.LakeLayout.SinkPartitionStateKey("sales", 0), Array.Empty<byte>(), ct);

        var result = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);

        Assert.Equal(7, result.NextOffset);
        Assert.Empty(result.DeletedFiles);
        Assert.Equal(6, (await SinkPartitionState.ReadAsync(_store, "sales", 0, ct))!.EndOffset);
    }

    [Fact]
    public async Task A_batch_cut_short_between_its_files_is_deleted_and_its_offsets_read_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await PublishAsync(_store, 0, 2, deadLetterAt: -1, ct);
        // Only the dead-letter file lands before the crash.
        var crashing = new FaultyObjectStore(_store, writesBeforeFailure: 1);
        await Assert.ThrowsAsync<ObjectStoreException>(() => PublishAsync(crashing, 3, 6, deadLetterAt: 4, ct));

        var result = await PartitionRecovery.RecoverAsync(_store, "sales", 0, timeBasedLayout: false, ct);

        Assert.Equal(3, result.NextOffset);
        Assert.Equal(["topics/sales-dlq/partition=0/sales-dlq+0+0000000004.avro"], result.DeletedFiles);
        Assert.Equal([0L, 1, 2], (await LakeContents.OffsetsAsync(_store, "sales", ct)).Select(o => o.Offset).Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Crashes_at_random_writes_neither_lose_nor_double_a_record(int seed)
    {
        var ct = TestContext.Current.CancellationToken;

        var crashes = await CrashScenario.RunAsync(_store, "sales", seed, records: 400, crashes: 8, ct);

        Assert.Equal(8, crashes);
        var landed = await LakeContents.OffsetsAsync(_store, "sales", ct);
        Assert.Equal(CrashScenario.Log(seed, 400).Offsets, landed.Select(o => o.Offset).Order());
        Assert.Empty(Directory.GetFiles(_store.Root, ".*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private static async Task PublishAsync(IObjectStore store, long from, long to, long deadLetterAt, CancellationToken ct)
    {
        var writer = new PartitionFileWriter(store, "sales", 0, new PartitionFileWriterOptions(), nextOffset: from);
        for (var offset = from; offset <= to; offset++)
        {
            if (offset == deadLetterAt)
            {
                await writer.AppendDeadLetterAsync(offset, T0, null, new byte[] { 1 }, "not Avro", ct);
            }
            else
            {
                await writer.AppendAsync(offset, T0, OffsetRecords.Schema, OffsetRecords.Encode(offset), ct);
            }
        }

        await writer.PublishAsync(ct);
    }
}
