using CartStream.Events;
using CartStream.Events.Reference;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;

namespace CartStream.Transform.Tests;

/// <summary>The issue's end-to-end property on a generated dataset with every defect kind.</summary>
public sealed class GeneratedDatasetTests : IDisposable
{
    private const int Records = 10_000;
    private const int Partitions = 4;
    private const int RecordsPerFile = 400;

    private readonly TempDirectory _dir = new("transform-e2e");
    private readonly LocalObjectStore _store;

    public GeneratedDatasetTests()
    {
        _store = new LocalObjectStore(_dir.Path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Exactly_the_labelled_records_are_rejected_with_their_codes_and_totals_match_the_events()
    {
        var ct = TestContext.Current.CancellationToken;
        var generator = GeneratedLake.Generator();
        var records = Enumerable.Range(0, Records).Select(_ => generator.Next()).ToList();
        var placed = await GeneratedLake.LandAsync(_store, records, Partitions, RecordsPerFile, ct);
        Assert.Equal(generator.DefectKinds.Order(), DefectCode.All.Order());

        var options = new TransformOptions { MaxFilesPerBatch = 8 };
        var reports = await new TransformRunner(_store, options, time: new FakeClock(GeneratedLake.ProcessingTime)).RunOnceAsync(ct);
        Assert.True(reports.Count > 1, "several batches, so that dedup across batches is exercised");

        // Accounting: every generated record is one row, fact or rejected.
        var lake = _dir.Path;
        var facts = (long)DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Parts(lake, "fact_sales")}")!;
        var rejected = DuckDb.Query($"SELECT source_file, source_offset, rule_codes FROM {DuckDb.Parts(lake, "rejected")}")
            .ToDictionary(r => ((string)r[0]!, (long)r[1]!), r => (string)r[2]!);
        Assert.Equal(Records, facts + rejected.Count);

        // Exactly the labelled records are rejected, each with exactly its label's code.
        var labelled = placed.Where(p => p.Record.IsDirty).ToDictionary(p => (p.File, p.Offset), p => string.Join(',', p.Record.Defects));
        var missed = labelled.Keys.Except(rejected.Keys).Select(k => labelled[k] + " " + CartStream.Transform.Model.SalesEventJson.Render(placed.Single(p => (p.File, p.Offset) == k).Record.Event)).ToList();
        var extra = rejected.Keys.Except(labelled.Keys).Select(k => rejected[k] + " " + CartStream.Transform.Model.SalesEventJson.Render(placed.Single(p => (p.File, p.Offset) == k).Record.Event)).ToList();
        Assert.True(missed.Count + extra.Count == 0, "missed:\n" + string.Join("\n", missed.Take(5)) + "\nextra:\n" + string.Join("\n", extra.Take(5)));
        Assert.Equal(labelled.Keys.Order(), rejected.Keys.Order());
        foreach (var (place, codes) in labelled)
        {
            Assert.Equal(codes, rejected[place]);
        }

        // Future- and stale-dated rejects are filed under their file's landing day, not scattered over their dates.
        var factDays = Directory.GetDirectories(Path.Combine(lake, "DWH", "fact_sales")).Length;
        Assert.True(Directory.GetDirectories(Path.Combine(lake, "DWH", "rejected")).Length <= factDays + 1);

        foreach (var kind in DefectCode.All)
        {
            Assert.True(labelled.Values.Count(v => v == kind) > 0, $"the dataset has no {kind} record");
        }

        // Totals by day, category and country: DuckDB over the Parquet against arithmetic on the clean events.
        var expected = placed.Where(p => !p.Record.IsDirty).Select(p => p.Record.Event)
            .GroupBy(e => (Day: DateOnly.FromDateTime(e.EventTime!.Value), Category: e.Product.Category!.Trim(), Country: CountryName(e)))
            .ToDictionary(g => g.Key, g => (Lines: (long)g.Count(), Net: g.Sum(NetUsd)));
        var actual = DuckDb.Query($"""
            SELECT d.date, p.category, k.country_name, count(*), sum(f.net)
            FROM {DuckDb.Parts(lake, "fact_sales")} f
            JOIN (SELECT DISTINCT ON (date_key) * FROM {DuckDb.Parts(lake, "dim_date")}) d USING (date_key)
            JOIN (SELECT DISTINCT ON (product_key) * FROM {DuckDb.Parts(lake, "dim_product")}) p USING (product_key)
            JOIN (SELECT DISTINCT ON (address_key) * FROM {DuckDb.Parts(lake, "dim_address")}) a USING (address_key)
            JOIN (SELECT DISTINCT ON (city_key) * FROM {DuckDb.Parts(lake, "dim_city")}) c USING (city_key)
            JOIN (SELECT DISTINCT ON (country_key) * FROM {DuckDb.Parts(lake, "dim_country")}) k USING (country_key)
            GROUP BY ALL
            """).ToDictionary(r => ((DateOnly)r[0]!, (string)r[1]!, (string)r[2]!), r => ((long)r[3]!, (decimal)r[4]!));
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, totals) in expected)
        {
            Assert.Equal(totals, actual[key]);
        }

        // A re-run on the same lake changes nothing.
        var before = Snapshot();
        Assert.Empty(await new TransformRunner(_store, options, time: new FakeClock(GeneratedLake.ProcessingTime)).RunOnceAsync(ct));
        Assert.Equal(before, Snapshot());
    }

    private static string CountryName(SalesEvent e) =>
        ReferenceData.Default.TryGetCountry(e.ShippingAddress.Country, out var country) ? country.Name : throw new InvalidOperationException("clean events have known countries");

    // Written out here on purpose rather than calling the transform's own amount code: an independent computation.
    private static decimal NetUsd(SalesEvent e)
    {
        ReferenceData.Default.TryGetCurrency(e.Currency, out var currency);
        var gross = e.Product.UnitPrice!.Value * e.Quantity!.Value;
        var grossUsd = Math.Round(gross * currency!.UsdPerUnit, 4, MidpointRounding.AwayFromZero);
        var discountUsd = Math.Round(gross * e.Discount * currency.UsdPerUnit, 4, MidpointRounding.AwayFromZero);
        return grossUsd - discountUsd;
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_dir.Path, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
