namespace CartStream.Ingestion;

/// <summary>What a producing run did.</summary>
/// <param name="Generated">Sequences the generator reached (the stream's length so far).</param>
/// <param name="Produced">Messages handed to Kafka in this run.</param>
/// <param name="Acknowledged">Messages the cluster acknowledged.</param>
/// <param name="Failed">Messages whose delivery failed for good.</param>
/// <param name="Skipped">Regenerated messages not sent again because the topic already held them.</param>
/// <param name="Labels">Dirty-record labels written.</param>
/// <param name="Elapsed">Wall time of the run, start-up (topic, schema, resume point) included.</param>
/// <param name="Streaming">Wall time from the first event generated to the last acknowledgement.</param>
public sealed record ProduceResult(long Generated, long Produced, long Acknowledged, long Failed, long Skipped, long Labels, TimeSpan Elapsed, TimeSpan Streaming)
{
    /// <summary>Acknowledged messages per second of the whole run.</summary>
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Acknowledged / Elapsed.TotalSeconds : 0;

    /// <summary>Acknowledged messages per second while streaming: generate + encode + produce + acknowledged.</summary>
    public double StreamingEventsPerSecond => Streaming.TotalSeconds > 0 ? Acknowledged / Streaming.TotalSeconds : 0;
}
