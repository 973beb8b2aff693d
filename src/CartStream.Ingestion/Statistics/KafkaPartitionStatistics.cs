namespace CartStream.Ingestion.Statistics;

/// <summary>One topic partition as a librdkafka client sees it (<c>topics.&lt;t&gt;.partitions</c> of its statistics).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition id.</param>
/// <param name="HighWatermark">The broker's high watermark (<c>hi_offset</c>; -1001 when unknown).</param>
/// <param name="CommittedOffset">The group's last committed offset (<c>committed_offset</c>; -1001 when none).</param>
/// <param name="ApplicationOffset">The offset after the last record handed to the application (<c>app_offset</c>; -1001 when none).</param>
/// <param name="ConsumerLag">High watermark minus the larger of the committed and application offsets (<c>consumer_lag</c>); -1 when unknown or not consuming.</param>
public sealed record KafkaPartitionStatistics(string Topic, int Partition, long HighWatermark, long CommittedOffset, long ApplicationOffset, long ConsumerLag);
