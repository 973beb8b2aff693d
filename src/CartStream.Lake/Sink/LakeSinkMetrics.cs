using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CartStream.Lake.Sink;

/// <summary>The sink's meter (<c>CartStream.Lake.Sink</c>), with OpenTelemetry-style names and units.</summary>
internal static class LakeSinkMetrics
{
    private static readonly Meter Meter = new("CartStream.Lake.Sink");

    // Running sinks, read by the lag gauge when a reader collects (a process may run several, tests do).
    private static readonly ConcurrentDictionary<LakeSink, byte> Running = new();

    /// <summary>Records published, good and dead-letter.</summary>
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("cartstream.sink.records", "{record}", "Records published to the lake, dead letters included.");

    /// <summary>Records published to dead-letter files.</summary>
    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("cartstream.sink.dead_letters", "{record}", "Records the sink could not land as events.");

    /// <summary>Files published.</summary>
    public static readonly Counter<long> Files = Meter.CreateCounter<long>("cartstream.sink.files", "{file}", "Files published to the lake.");

    /// <summary>Bytes of the files published (raw and dead-letter Avro files as stored).</summary>
    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>("cartstream.sink.bytes", "By", "Bytes of the files published to the lake.");

    /// <summary>Writing one batch's files and its state record to the lake, the store's latency as the sink sees it.</summary>
    public static readonly Histogram<double> PublishDuration = Meter.CreateHistogram(
        "cartstream.sink.publish.duration", "s", "Time to write one batch's files and state record to the lake.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Failed attempts that are retried (store or registry unreachable); alert when it keeps rising.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("cartstream.sink.retries", "{attempt}", "Transient failures the sink is retrying.");

    /// <summary>Records in the topic not yet consumed, per assigned partition (tags <c>topic</c>, <c>partition</c>).</summary>
    public static readonly ObservableGauge<long> ConsumerLag = Meter.CreateObservableGauge(
        "cartstream.sink.consumer_lag", () => Running.Keys.SelectMany(s => s.ObserveLag()), "{record}", "Records in the topic the sink has not consumed yet, per partition.");

    /// <summary>Makes a sink's partitions part of the lag gauge while it consumes.</summary>
    public static void Track(LakeSink sink) => Running[sink] = 0;

    /// <summary>Leaves the lag gauge (before the consumer is disposed).</summary>
    public static void Untrack(LakeSink sink) => Running.TryRemove(sink, out _);
}
