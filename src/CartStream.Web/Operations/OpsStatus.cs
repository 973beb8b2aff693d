namespace CartStream.Web.Operations;

/// <summary>What the operations page shows, read from the process's instruments and alert monitor.</summary>
/// <param name="At">When the instruments were read.</param>
/// <param name="Stages">Throughput per stage.</param>
/// <param name="ConsumerLag">The sink's lag summed over partitions, or null when no sink runs in this process.</param>
/// <param name="LagByPartition">The lag of each partition.</param>
/// <param name="Rejects">Transform rejects by reason (series of <c>cartstream.transform.rejected</c>) and the sink's dead letters.</param>
/// <param name="FreshnessSeconds">Seconds from a raw file landing to its rows being queryable, last loaded batch; null when nothing reports it.</param>
/// <param name="Firing">Alerts firing now.</param>
/// <param name="AlertHistory">Announced firings and resolutions, newest first.</param>
public sealed record OpsStatus(
    DateTimeOffset At, IReadOnlyList<StageThroughput> Stages, double? ConsumerLag, IReadOnlyList<SeriesValue> LagByPartition,
    IReadOnlyList<SeriesValue> Rejects, double? FreshnessSeconds, IReadOnlyList<AlertEvent> Firing, IReadOnlyList<AlertEvent> AlertHistory);
