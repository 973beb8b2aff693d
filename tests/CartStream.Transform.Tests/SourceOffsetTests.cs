using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Transform.Tests.Support;

namespace CartStream.Transform.Tests;

/// <summary>Lineage: each row's source_offset is its record's Kafka offset, also when a raw file skips offsets.</summary>
public sealed class SourceOffsetTests : IDisposable
{
    private readonly TempDirectory _dir = new("lineage");
    private readonly LocalObjectStore _store;

    public SourceOffsetTests()
    {
        _store = new LocalObjectStore(_dir.Path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Records_after_a_gap_in_a_raw_file_keep_the_offsets_its_header_names()
    {
        var ct = TestContext.Current.CancellationToken;
        // Offsets 20-21, then 23 (22 was dead-lettered into the other file), then 27-28 (a transaction marker and a
        // compacted range in between): the file's records are not at start + position.
        var events = Enumerable.Range(1, 5).Select(i => TestEvents.Clean(i)).ToList();
        var key = await RawFiles.PutEventsAsync(_store, 1, 20, events, ct, offsets: "20:2,23:1,27:2");
        await RawFiles.PutEventsAsync(_store, 1, 29, [TestEvents.Clean(6)], ct);

        await new TransformRunner(_store, new TransformOptions(), time: new FakeClock(TestEvents.Now)).RunOnceAsync(ct);

        var rows = DuckDb.Query($"SELECT event_id, source_file, source_offset FROM {DuckDb.Parts(_dir.Path, "fact_sales")} ORDER BY source_offset");
        Assert.Equal([20L, 21, 23, 27, 28, 29], rows.Select(r => (long)r[2]!));
        Assert.Equal(events.Select(e => e.EventId.ToString()), rows.Take(5).Select(r => (string)r[0]!));
        Assert.All(rows.Take(5), r => Assert.Equal(key, r[1]));
    }
}
