using System.Diagnostics.Metrics;

namespace CartStream.Ingestion;

/// <summary>The producer's meter (<c>CartStream.Ingestion</c>): every event handed to Kafka, and how each delivery ended.</summary>
internal static class IngestionMetrics
{
    private static readonly Meter Meter = new("CartStream.Ingestion");

    /// <summary>Events handed to the Kafka client.</summary>
    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("cartstream.produce.sent", "{record}", "Events handed to the Kafka client.");

    /// <summary>Events the cluster acknowledged: the producer's throughput on the operations page.</summary>
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("cartstream.produce.records", "{record}", "Events Kafka acknowledged (acks=all).");

    /// <summary>Events whose delivery failed after the client's retries.</summary>
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("cartstream.produce.failed", "{record}", "Events whose delivery to Kafka failed for good.");
}
