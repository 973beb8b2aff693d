namespace CartStream.Monitoring.Metrics;

/// <summary>
/// The instrument names the default alert rules (and deploy/prometheus/cartstream-rules.yml) watch. A stage
/// that emits one of them under a <c>CartStream.*</c> meter is covered by the rule; docs/operations.md lists
/// each with its unit and instrument kind. Prometheus names follow from the OpenTelemetry exporter: dots become
/// underscores, counters end in <c>_total</c>, unit <c>s</c> adds <c>_seconds</c>, units in braces and <c>1</c> add nothing.
/// </summary>
public static class PipelineMetricNames
{
    /// <summary>Records published to the lake (counter, <c>{record}</c>; emitted by the sink today).</summary>
    public const string SinkRecords = "cartstream.sink.records";

    /// <summary>Transient failures the sink retries (counter, <c>{attempt}</c>; emitted by the sink today).</summary>
    public const string SinkRetries = "cartstream.sink.retries";

    /// <summary>Records in the topic not yet landed by the sink, per partition (gauge, <c>{record}</c>, tags <c>topic</c> and <c>partition</c>; emitted by the sink).</summary>
    public const string SinkConsumerLag = "cartstream.sink.consumer_lag";

    /// <summary>Records the transform read, good and rejected (counter, <c>{record}</c>; emitted by the transform).</summary>
    public const string TransformRecords = "cartstream.transform.records";

    /// <summary>Records the transform rejected to <c>DWH/rejected/</c> (counter, <c>{record}</c>, tag <c>rule</c>; emitted by the transform).</summary>
    public const string TransformRejected = "cartstream.transform.rejected";

    /// <summary>Seconds from a raw file landing in the lake to its rows being queryable, for the last loaded batch (gauge, <c>s</c>; emitted by <c>run</c> and <c>demo</c>).</summary>
    public const string Freshness = "cartstream.pipeline.freshness";

    /// <summary>Failures a stage logged and takes again later (counter, <c>{error}</c>, tag <c>stage</c>; emitted by the transform follower).</summary>
    public const string StageErrors = "cartstream.stage.errors";

    /// <summary>Bytes in the embedded broker's data folder over the size of its filesystem, 0 to 1 (gauge, unit <c>1</c>, tag <c>data_directory</c>; emitted by the broker).</summary>
    public const string BrokerDiskUtilization = "cartstream.broker.disk.utilization";
}
