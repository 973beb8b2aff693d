namespace CartStream.Ingestion.Statistics;

/// <summary>One broker as a librdkafka client sees it (the <c>brokers</c> object of its statistics).</summary>
/// <param name="Name">Host, port and node id, for example <c>127.0.0.1:9092/1</c>.</param>
/// <param name="NodeId">The broker's id.</param>
/// <param name="State">The connection's state (<c>UP</c>, <c>DOWN</c>, ...).</param>
/// <param name="RoundTrips">Round trips sampled in the last window (<c>rtt.cnt</c>); 0 leaves the times below meaningless.</param>
/// <param name="RoundTripAverageSeconds">Average request round-trip time in the last window (<c>rtt.avg</c>, given in microseconds).</param>
/// <param name="RoundTripP99Seconds">99th percentile of it (<c>rtt.p99</c>).</param>
public sealed record KafkaBrokerStatistics(string Name, int NodeId, string State, long RoundTrips, double RoundTripAverageSeconds, double RoundTripP99Seconds);
