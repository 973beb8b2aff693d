using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Retention.Tests.Support;

namespace CartStream.Retention.Tests;

/// <summary>What retention must do on every store; run against a local folder and against s3rver.</summary>
public abstract class RetentionContract : IDisposable
{
    private readonly List<IObjectStore> _stores = [];

    protected abstract IObjectStore CreateEmptyStore();

    public virtual void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private IObjectStore NewStore()
    {
        var store = CreateEmptyStore();
        _stores.Add(store);
        return store;
    }

    private static RetentionCleaner Cleaner(IObjectStore store, TimeSpan clockAhead, int rawDays = 7, int warehouseDays = 30, int rejectedDays = 30) =>
        new(store, new RetentionOptions { RawMaxAgeDays = rawDays, WarehouseMaxAgeDays = warehouseDays, RejectedMaxAgeDays = rejectedDays }, new LakeLoadMarkers(store), new FixedClock(DateTimeOffset.UtcNow + clockAhead));

    [Fact]
    public async Task Old_transformed_raw_and_dead_letter_files_go_while_unprocessed_files_state_quarantine_and_unknown_files_stay()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var lake = await TestLake.BuildAsync(store, ct);
        await store.PutAsync("quarantine/topics/sales/partition=0/sales+0+0000000099.avro", new byte[] { 1, 2, 3 }, ct);
        await store.PutAsync("topics/sales/partition=0/notes.txt", new byte[] { 1 }, ct);
        var stateBefore = await TestLake.KeysAsync(store, LakeLayout.StateArea, ct);
        var modelBefore = await TestLake.KeysAsync(store, LakeLayout.WarehouseArea, ct);

        var result = await Cleaner(store, TimeSpan.FromDays(8)).RunAsync(dryRun: false, ct);

        foreach (var key in lake.TransformedRaw.Concat(lake.TransformedDeadLetters))
        {
            Assert.False(await store.ExistsAsync(key, ct), key);
        }

        foreach (var key in lake.Unprocessed)
        {
            Assert.True(await store.ExistsAsync(key, ct), key);
        }

        Assert.True(await store.ExistsAsync("quarantine/topics/sales/partition=0/sales+0+0000000099.avro", ct));
        Assert.True(await store.ExistsAsync("topics/sales/partition=0/notes.txt", ct));
        Assert.Empty(stateBefore.Except(await TestLake.KeysAsync(store, LakeLayout.StateArea, ct)));
        // Nothing is loaded into a warehouse here, so every model file stays.
        Assert.Equal(modelBefore, await TestLake.KeysAsync(store, LakeLayout.WarehouseArea, ct));
        Assert.Equal(lake.TransformedRaw.Count + lake.TransformedDeadLetters.Count, result.Items.Count);
        Assert.Equal(lake.Unprocessed.Count, result.Kept[KeepReason.NotTransformed]);
    }

    [Fact]
    public async Task Transformed_files_younger_than_the_policy_stay()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var lake = await TestLake.BuildAsync(store, ct);

        var result = await Cleaner(store, TimeSpan.FromDays(6)).RunAsync(dryRun: false, ct);

        Assert.Empty(result.Items);
        foreach (var key in lake.TransformedRaw.Concat(lake.TransformedDeadLetters))
        {
            Assert.True(await store.ExistsAsync(key, ct), key);
        }

        Assert.Equal(lake.TransformedRaw.Count + lake.TransformedDeadLetters.Count, result.Kept[KeepReason.TooYoung]);
    }

    [Fact]
    public async Task A_dry_run_lists_each_file_with_its_area_size_and_reason_and_deletes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var lake = await TestLake.BuildAsync(store, ct);
        await TestLake.MarkLoadedAsync(store, LakeLayout.WarehouseArea, ct);
        var before = await TestLake.KeysAsync(store, "", ct);

        var result = await Cleaner(store, TimeSpan.Zero, rawDays: 0, warehouseDays: 0, rejectedDays: 0).RunAsync(dryRun: true, ct);

        Assert.Equal(before, await TestLake.KeysAsync(store, "", ct));
        var raw = Assert.Single(result.Items, i => i.Key == lake.TransformedRaw[0]);
        Assert.Equal(LakeArea.Raw, raw.Area);
        Assert.Equal((await store.GetInfoAsync(raw.Key, ct))!.Size, raw.Size);
        Assert.StartsWith("transformed; ", raw.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Items, i => i.Area == LakeArea.DeadLetter);
        Assert.Contains(result.Items, i => i.Area == LakeArea.Warehouse && i.Reason.StartsWith("loaded; ", StringComparison.Ordinal));
        Assert.Contains(result.Items, i => i.Area == LakeArea.Rejected);
        Assert.Contains("would delete " + raw.Key, result.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_parts_go_only_once_loaded_and_old_and_the_ledger_keeps_the_lineage_of_their_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        await TestLake.BuildAsync(store, ct);
        await TestLake.MarkLoadedAsync(store, LakeLayout.TablePrefix("fact_sales"), ct);
        var facts = await TestLake.KeysAsync(store, LakeLayout.TablePrefix("fact_sales"), ct);
        var otherModel = (await TestLake.KeysAsync(store, LakeLayout.WarehouseArea, ct)).Except(facts).ToList();
        var rows = await RowLineage.ReadAsync(store, facts, ct);

        var young = await Cleaner(store, TimeSpan.FromDays(29)).RunAsync(dryRun: false, ct);
        Assert.DoesNotContain(young.Items, i => i.Area == LakeArea.Warehouse);
        var old = await Cleaner(store, TimeSpan.FromDays(31)).RunAsync(dryRun: false, ct);

        Assert.Empty(await TestLake.KeysAsync(store, LakeLayout.TablePrefix("fact_sales"), ct));
        Assert.Equal(otherModel, await TestLake.KeysAsync(store, LakeLayout.WarehouseArea, ct));
        var ledger = (await RetentionLedger.ReadAsync(store, ct)).Where(e => facts.Contains(e.Key)).ToList();
        Assert.Equal(facts.Order(), ledger.Select(e => e.Key).Order());
        // The ledger holds the lineage of every row of the deleted parts, each row once.
        Assert.Equal(29, rows.Count);
        Assert.Equal(rows.Order(), Expand(ledger).Order());
        Assert.Equal(rows.Count, ledger.Sum(e => e.Records));
        Assert.Contains(old.Items, i => i.Reason.StartsWith("loaded; ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_cleanup_of_everything_eligible_the_ledger_accounts_for_every_transformed_offset_once_and_for_every_model_row()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var lake = await TestLake.BuildAsync(store, ct);
        await TestLake.MarkLoadedAsync(store, LakeLayout.WarehouseArea, ct);
        var rowParts = (await TestLake.KeysAsync(store, LakeLayout.TablePrefix("fact_sales"), ct)).Concat(await TestLake.KeysAsync(store, LakeLayout.RejectedArea, ct));
        var rows = await RowLineage.ReadAsync(store, rowParts, ct);

        var result = await Cleaner(store, TimeSpan.Zero, rawDays: 0, warehouseDays: 0, rejectedDays: 0).RunAsync(dryRun: false, ct);

        Assert.Equal(lake.Unprocessed, (await TestLake.KeysAsync(store, LakeLayout.TopicsArea, ct)).Where(k => k.EndsWith(".avro", StringComparison.Ordinal)));
        Assert.DoesNotContain(await TestLake.KeysAsync(store, LakeLayout.WarehouseArea, ct), k => k.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.NotEmpty(result.LedgerKeys);
        var ledger = await RetentionLedger.ReadAsync(store, ct);
        var expected = TestLake.TransformedOffsets.Select(a => (TestLake.Topic, a.Partition, a.Offset)).Order().ToList();
        Assert.Equal(expected, Expand(ledger.Where(e => e.Area is LakeArea.Raw or LakeArea.DeadLetter)).Order());
        Assert.Equal(rows.Order(), Expand(ledger.Where(e => e.Key.StartsWith("DWH/fact_sales/", StringComparison.Ordinal) || e.Area == LakeArea.Rejected)).Order());
        var deadLetter = Assert.Single(ledger, e => e.Area == LakeArea.DeadLetter);
        Assert.Equal([new OffsetRange(TestLake.Topic, 0, 4, 4)], deadLetter.Ranges);
    }

    private static IEnumerable<(string Topic, int Partition, long Offset)> Expand(IEnumerable<LedgerEntry> entries) =>
        entries.SelectMany(e => e.Ranges).SelectMany(r => Enumerable.Range(0, (int)r.Count).Select(i => (r.Topic, r.Partition, r.First + i)));
}
