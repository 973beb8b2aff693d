using CartStream.Events;
using CartStream.Lake.Storage;
using CartStream.Testing;
using CartStream.Testing.Lake;
using CartStream.Transform.Tests.Support;

namespace CartStream.Transform.Tests;

public sealed class TransformMetricsTests : IDisposable
{
    private readonly TempDirectory _dir = new("transform-metrics");
    private readonly LocalObjectStore _store;

    public TransformMetricsTests()
    {
        _store = new LocalObjectStore(_dir.Path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_published_batch_counts_its_records_and_its_rejects_by_rule()
    {
        var ct = TestContext.Current.CancellationToken;
        using var recorder = new MeasurementRecorder("CartStream.Transform");
        var clean = Enumerable.Range(1, 5).Select(i => TestEvents.Clean(i)).ToList();
        await RawFiles.PutEventsAsync(_store, 0, 0, clean, ct);
        // A later copy of event 2 in a later file: rejected as a duplicate.
        await RawFiles.PutEventsAsync(_store, 0, 5, [clean[1]], ct);
        await RawFiles.PutDeadLettersAsync(_store, 0, 100, [[0x7B, 0x22, 0x61]], ct);

        var report = Assert.Single(await new TransformRunner(_store, new TransformOptions()).RunOnceAsync(ct));

        Assert.Equal(7, report.Records);
        Assert.Contains(recorder.Measurements("cartstream.transform.records"), m => m.Value == 7);
        var rejected = recorder.Measurements("cartstream.transform.rejected");
        Assert.Contains(rejected, m => m.Value == 1 && (string?)m.Tags["rule"] == DefectCode.DuplicateEvent);
        Assert.Contains(rejected, m => m.Value == 1 && (string?)m.Tags["rule"] == DefectCode.NotAvro);
    }
}
