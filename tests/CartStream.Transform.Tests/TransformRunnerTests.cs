using CartStream.Events;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Transform.Tests.Support;

namespace CartStream.Transform.Tests;

public sealed class TransformRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new("transform");
    private readonly LocalObjectStore _store;
    private readonly FakeClock _clock = new(TestEvents.Now);

    public TransformRunnerTests()
    {
        _store = new LocalObjectStore(_dir.Path);
    }

    private string Lake => _dir.Path;

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private TransformRunner Runner(TransformOptions? options = null) => new(_store, options ?? new TransformOptions(), time: _clock);

    /// <summary>One clean event and one event per defect kind, plus a duplicate and two dead letters.</summary>
    private async Task<(int Records, Dictionary<Guid, string> Expected)> WriteEveryDefectAsync(CancellationToken ct)
    {
        var events = new List<SalesEvent>();
        var expected = new Dictionary<Guid, string>();
        var seed = 100;
        foreach (var (code, breakIt) in TestEvents.Breakers())
        {
            var e = TestEvents.Clean(seed++);
            breakIt(e);
            events.Add(e);
            expected[e.EventId] = code;
        }

        var clean = Enumerable.Range(1, 20).Select(i => TestEvents.Clean(i)).ToList();
        await RawFiles.PutEventsAsync(_store, 0, 0, clean.Take(10), ct);
        await RawFiles.PutEventsAsync(_store, 0, 10, events, ct);
        // The duplicate: a later copy of clean event 3 in a later file of the same partition.
        await RawFiles.PutEventsAsync(_store, 0, 10 + events.Count, clean.Skip(10).Append(clean[2]), ct);
        await RawFiles.PutDeadLettersAsync(_store, 0, 100, [[0x7B, 0x22, 0x61], [0x03, 0xFF, 0x10], [0x00, 0x00, 0x00, 0x00, 0x63, 0x02]], ct);
        return (10 + events.Count + 11 + 3, expected);
    }

    [Fact]
    public async Task Every_record_ends_as_exactly_one_fact_or_rejected_row_with_the_right_codes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (records, expected) = await WriteEveryDefectAsync(ct);

        var reports = await Runner().RunOnceAsync(ct);

        var report = Assert.Single(reports);
        Assert.Equal(records, report.Records);
        var facts = (long)DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Parts(Lake, "fact_sales")}")!;
        var rejected = DuckDb.Query($"SELECT event_id, rule_codes, source_file FROM {DuckDb.Parts(Lake, "rejected")}");
        Assert.Equal(records, facts + rejected.Count);
        Assert.Equal(20, facts);

        foreach (var (id, code) in expected)
        {
            var row = Assert.Single(rejected, r => (string?)r[0] == id.ToString());
            Assert.Equal(code, row[1]);
        }

        Assert.Equal(DefectCode.DuplicateEvent, Assert.Single(rejected, r => (string?)r[0] == TestEvents.Clean(3).EventId.ToString())[1]);
        Assert.Equal(2, rejected.Count(r => r[0] is null && (string)r[1]! == DefectCode.NotAvro));
        Assert.Equal(1, rejected.Count(r => r[0] is null && (string)r[1]! == "UNKNOWN_SCHEMA"));
        var deadLetters = DuckDb.Query($"SELECT source_offset, original, detail FROM {DuckDb.Parts(Lake, "rejected")} WHERE event_id IS NULL ORDER BY source_offset");
        Assert.Equal([100L, Convert.ToBase64String([0x7B, 0x22, 0x61]), "wrong magic byte"], deadLetters[0]);
        Assert.Equal([101L, 102L], deadLetters.Skip(1).Select(r => r[0]));
        Assert.Equal(1, report.Duplicates);
    }

    [Fact]
    public async Task Parquet_files_have_the_declared_schema_and_values_an_independent_reader_agrees_with()
    {
        var ct = TestContext.Current.CancellationToken;
        await RawFiles.PutEventsAsync(_store, 0, 0, [TestEvents.Clean(1, currency: "EUR", country: "DE", city: "münchen")], ct);

        await Runner().RunOnceAsync(ct);

        var schema = DuckDb.Query($"DESCRIBE SELECT * FROM {DuckDb.Parts(Lake, "fact_sales")}")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", schema["event_time"]);
        Assert.Equal("DECIMAL(18,4)", schema["gross"]);
        Assert.Equal("BIGINT", schema["customer_key"]);
        Assert.Equal("INTEGER", schema["date_key"]);

        var row = DuckDb.Query($"""
            SELECT f.quantity, f.gross, f.net, f.margin, epoch_ms(f.event_time), c.city_name, k.country_name, p.category, d.date
            FROM {DuckDb.Parts(Lake, "fact_sales")} f
            JOIN {DuckDb.Parts(Lake, "dim_address")} a USING (address_key)
            JOIN {DuckDb.Parts(Lake, "dim_city")} c USING (city_key)
            JOIN {DuckDb.Parts(Lake, "dim_country")} k USING (country_key)
            JOIN {DuckDb.Parts(Lake, "dim_product")} p USING (product_key)
            JOIN {DuckDb.Parts(Lake, "dim_date")} d USING (date_key)
            """).Single();
        var e = TestEvents.Clean(1);
        Assert.Equal(3, row[0]);
        Assert.Equal(130.2m, row[1]);
        Assert.Equal(117.18m, row[2]);
        Assert.Equal(35.805m, row[3]);
        Assert.Equal(new DateTimeOffset(e.EventTime!.Value).ToUnixTimeMilliseconds(), row[4]);
        Assert.Equal("Munich", row[5]);
        Assert.Equal("Germany", row[6]);
        Assert.Equal("Sports", row[7]);
        Assert.Equal(DateOnly.FromDateTime(e.EventTime.Value), row[8]);

        var currencies = (long)DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Parts(Lake, "dim_currency")} WHERE usd_per_unit > 0")!;
        Assert.Equal(CartStream.Events.Reference.ReferenceData.Default.Currencies.Count, currencies);
        Assert.DoesNotContain(
            Directory.EnumerateFiles(Path.Combine(Lake, "DWH"), "*", SearchOption.AllDirectories),
            f => !f.EndsWith(".parquet", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_run_finds_nothing_new_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await WriteEveryDefectAsync(ct);
        await Runner().RunOnceAsync(ct);
        var before = Snapshot();

        var reports = await Runner().RunOnceAsync(ct);

        Assert.Empty(reports);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Reprocessing_the_same_files_rewrites_the_same_parts_and_does_not_call_records_duplicates_of_themselves()
    {
        var ct = TestContext.Current.CancellationToken;
        await WriteEveryDefectAsync(ct);
        await Runner().RunOnceAsync(ct);
        var facts = FactIds();

        // Forget the checkpoint but keep the dedup state: the files are processed again as after a crash.
        Directory.Delete(Path.Combine(Lake, "_state", "transform", "done"), recursive: true);
        var report = Assert.Single(await Runner().RunOnceAsync(ct));

        Assert.Equal(1, report.Duplicates);
        Assert.Equal(facts, FactIds());
        Assert.Single(Directory.GetFiles(Path.Combine(Lake, "DWH", "fact_sales"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_batch_that_crashed_before_its_checkpoint_is_redone_with_the_same_files_and_part_names()
    {
        var ct = TestContext.Current.CancellationToken;
        var b = await RawFiles.PutEventsAsync(_store, 0, 0, [TestEvents.Clean(1), TestEvents.Clean(2)], ct);
        var c = await RawFiles.PutEventsAsync(_store, 1, 0, [TestEvents.Clean(3)], ct);
        await Runner().RunOnceAsync(ct);

        // The state a crash between publishing and checkpointing leaves: parts published, manifest and claims
        // still there (long expired), no done markers.
        var partId = CartStream.Lake.LakeLayout.PartIdOf([b, c]);
        await _store.PutAsync($"_state/transform/batches/{partId}.json", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new[] { b, c }), ct);
        Directory.Delete(Path.Combine(Lake, "_state", "transform", "done"), recursive: true);
        foreach (var key in new[] { b, c })
        {
            await _store.PutAsync($"_state/transform/claims/{key}.json", "{}"u8.ToArray(), ct);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Lake, "_state"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));
        }

        // A new file lands meanwhile: without the manifest it would join the redo and rename every part.
        await RawFiles.PutEventsAsync(_store, 2, 0, [TestEvents.Clean(4)], ct);

        var reports = await new TransformRunner(_store, new TransformOptions()).RunOnceAsync(ct);

        Assert.Equal(2, reports.Count);
        Assert.Equal(partId, reports[0].BatchId);
        Assert.Equal(4, FactIds().Count);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Lake, "DWH", "fact_sales"), "*.parquet", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(Lake, "_state", "transform", "batches")));
    }

    [Fact]
    public async Task A_young_batch_whose_worker_process_has_ended_is_redone_at_once_but_a_live_workers_is_left_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var killed = await RawFiles.PutEventsAsync(_store, 0, 0, [TestEvents.Clean(1), TestEvents.Clean(2)], ct);
        var busy = await RawFiles.PutEventsAsync(_store, 1, 0, [TestEvents.Clean(3)], ct);

        // What a SIGKILLed worker on this machine leaves a moment ago: its batch manifest and claim, no done marker.
        // Another worker (this very process) holds the second file right now.
        var ended = await EndedProcessIdAsync(ct);
        var partId = CartStream.Lake.LakeLayout.PartIdOf([killed]);
        await _store.PutAsync($"_state/transform/batches/{partId}.json", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new[] { killed }), ct);
        await _store.PutAsync($"_state/transform/claims/{killed}.json", Claim($"{Environment.MachineName}-{ended}"), ct);
        await _store.PutAsync($"_state/transform/claims/{busy}.json", Claim($"{Environment.MachineName}-{Environment.ProcessId}"), ct);

        var reports = await Runner().RunOnceAsync(ct);

        var report = Assert.Single(reports);
        Assert.Equal(partId, report.BatchId);
        Assert.Equal([killed], report.InputFiles);
        Assert.Equal(2, FactIds().Count);
        Assert.True(File.Exists(Path.Combine(Lake, "_state", "transform", "claims", busy + ".json")), "a live worker's claim stays");
    }

    private static byte[] Claim(string worker) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { worker, claimed_at = DateTime.UtcNow });

    /// <summary>The id of a process that ran and has exited.</summary>
    private static async Task<int> EndedProcessIdAsync(CancellationToken ct)
    {
        using var process = System.Diagnostics.Process.Start("true") ?? throw new InvalidOperationException("could not start true");
        await process.WaitForExitAsync(ct);
        return process.Id;
    }

    [Fact]
    public async Task A_duplicate_in_a_later_batch_is_rejected_against_the_persisted_state()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = TestEvents.Clean(1);
        await RawFiles.PutEventsAsync(_store, 0, 0, [first, TestEvents.Clean(2)], ct);
        await Runner().RunOnceAsync(ct);

        await RawFiles.PutEventsAsync(_store, 0, 2, [TestEvents.Clean(1), TestEvents.Clean(3)], ct);
        var report = Assert.Single(await Runner().RunOnceAsync(ct));

        Assert.Equal(1, report.Duplicates);
        Assert.Equal(3, FactIds().Count);
        var rejected = DuckDb.Query($"SELECT event_id, rule_codes, source_offset FROM {DuckDb.Parts(Lake, "rejected")}").Single();
        Assert.Equal([first.EventId.ToString(), DefectCode.DuplicateEvent, 2L], rejected);
    }

    [Fact]
    public async Task A_corrupt_raw_file_is_quarantined_by_name_and_the_other_files_keep_flowing()
    {
        var ct = TestContext.Current.CancellationToken;
        await RawFiles.PutEventsAsync(_store, 0, 0, [TestEvents.Clean(1)], ct);
        var broken = CartStream.Lake.LakeLayout.RawFileKey(RawFiles.Topic, 1, 0);
        await _store.PutAsync(broken, "Obj\u0001 this is not an Avro container"u8.ToArray(), ct);
        await RawFiles.PutEventsAsync(_store, 2, 0, [TestEvents.Clean(2)], ct);

        var report = Assert.Single(await Runner().RunOnceAsync(ct));

        var quarantined = Assert.Single(report.Quarantined);
        Assert.Equal(broken, quarantined.Key);
        Assert.True(File.Exists(Path.Combine(Lake, "quarantine", broken)));
        Assert.Equal(2, FactIds().Count);
        var row = DuckDb.Query($"SELECT rule_codes, original, source_file FROM {DuckDb.Parts(Lake, "rejected")}").Single();
        Assert.Equal(["CORRUPT_FILE", "quarantine/" + broken, broken], row);
        Assert.Contains(broken, report.ToSummary());
    }

    [Fact]
    public async Task Two_workers_on_one_lake_never_process_the_same_file_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var p = 0; p < 8; p++)
        {
            await RawFiles.PutEventsAsync(_store, p, 0, Enumerable.Range(p * 10, 10).Select(i => TestEvents.Clean(i + 1)), ct);
        }

        // Real time here: claims are leased against the store's clock.
        var a = Task.Run(() => new TransformRunner(_store, new TransformOptions { MaxFilesPerBatch = 1, WorkerId = "a" }).RunOnceAsync(ct), ct);
        var b = Task.Run(() => new TransformRunner(_store, new TransformOptions { MaxFilesPerBatch = 1, WorkerId = "b" }).RunOnceAsync(ct), ct);
        var reports = (await Task.WhenAll(a, b)).SelectMany(r => r).ToList();

        Assert.Equal(8, reports.SelectMany(r => r.InputFiles).Distinct().Count());
        Assert.Equal(8, reports.SelectMany(r => r.InputFiles).Count());
        Assert.Equal(80, FactIds().Count);
        Assert.Equal(80L, (long)DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Parts(Lake, "fact_sales")}")!);
    }

    private List<string> FactIds() =>
        DuckDb.Query($"SELECT event_id FROM {DuckDb.Parts(Lake, "fact_sales")} ORDER BY event_id").Select(r => (string)r[0]!).ToList();

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Lake, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Lake, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
