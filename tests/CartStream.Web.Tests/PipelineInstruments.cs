using System.Diagnostics.Metrics;

namespace CartStream.Web.Tests;

/// <summary>
/// The instruments the pipeline's stages emit, under a <c>CartStream.*</c> meter in this process, as the stages
/// would when the one-process pipeline hosts the dashboards.
/// </summary>
internal static class PipelineInstruments
{
    public const long SinkRecords = 12_000;
    public const long TransformRecords = 11_500;
    public const long RejectedBadPrice = 120;
    public const long RejectedNoCustomer = 80;
    public const long LagPartition0 = 150_000;
    public const long LagPartition1 = 25_000;
    public const double Freshness = 42.5;

    private static readonly Meter Meter = new("CartStream.Web.Tests.Pipeline");
    private static readonly Counter<long> Sink = Meter.CreateCounter<long>("cartstream.sink.records", "{record}");
    private static readonly Counter<long> Transform = Meter.CreateCounter<long>("cartstream.transform.records", "{record}");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("cartstream.transform.rejected", "{record}");

    static PipelineInstruments()
    {
        Meter.CreateObservableGauge("cartstream.sink.consumer_lag", () => new[]
        {
            new Measurement<long>(LagPartition0, new KeyValuePair<string, object?>("partition", 0)),
            new Measurement<long>(LagPartition1, new KeyValuePair<string, object?>("partition", 1)),
        }, "{record}");
        Meter.CreateObservableGauge("cartstream.pipeline.freshness", () => Freshness, "s");
    }

    /// <summary>Emits the totals once (listeners created before this call see them).</summary>
    public static void Emit()
    {
        Sink.Add(SinkRecords);
        Transform.Add(TransformRecords);
        Rejected.Add(RejectedBadPrice, new KeyValuePair<string, object?>("reason", "bad_price"));
        Rejected.Add(RejectedNoCustomer, new KeyValuePair<string, object?>("reason", "no_customer"));
    }
}
