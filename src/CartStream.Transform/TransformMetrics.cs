using System.Diagnostics.Metrics;

namespace CartStream.Transform;

/// <summary>The transform's meter (<c>CartStream.Transform</c>), with the names the alert rules watch.</summary>
internal static class TransformMetrics
{
    private static readonly Meter Meter = new("CartStream.Transform");

    /// <summary>Records read by published batches, good and rejected.</summary>
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("cartstream.transform.records", "{record}", "Records the transform read, good and rejected.");

    /// <summary>Records written to <c>DWH/rejected/</c>, tagged <c>rule</c> with the first reject rule each failed.</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("cartstream.transform.rejected", "{record}", "Records the transform rejected, by rule.");

    /// <summary>Failed steps the follower logs and takes again later, tagged <c>stage</c>.</summary>
    public static readonly Counter<long> StageErrors = Meter.CreateCounter<long>("cartstream.stage.errors", "{error}", "Failures a stage logged and will retry.");
}
