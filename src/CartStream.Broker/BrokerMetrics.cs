using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CartStream.Broker.Protocol;
using CartStream.Broker.Storage;

namespace CartStream.Broker;

/// <summary>The embedded broker's meter (<c>CartStream.Broker</c>).</summary>
internal static class BrokerMetrics
{
    private static readonly Meter Meter = new("CartStream.Broker");

    // The brokers running in this process by data folder, read when a reader collects.
    private static readonly ConcurrentDictionary<string, TopicStore> Running = new(StringComparer.Ordinal);

    // Tag values made once: a request is counted on the broker's hot path.
    private static readonly Dictionary<short, KeyValuePair<string, object?>> ApiTags =
        Enum.GetValues<ApiKey>().ToDictionary(k => (short)k, k => new KeyValuePair<string, object?>("api", k.ToString()));

    private static readonly KeyValuePair<string, object?> UnknownApi = new("api", "unknown");

    /// <summary>Bytes in the broker's data folder over the size of the filesystem holding it, tag <c>data_directory</c>.</summary>
    public static readonly ObservableGauge<double> DiskUtilization = Meter.CreateObservableGauge(
        "cartstream.broker.disk.utilization", ObserveDisk, "1", "Share of its filesystem the broker's data folder takes, 0 to 1.");

    /// <summary>Bytes of each partition's log segments, tags <c>topic</c> and <c>partition</c>.</summary>
    public static readonly ObservableGauge<long> PartitionSize = Meter.CreateObservableGauge(
        "cartstream.broker.partition.size", ObservePartitions, "By", "Bytes of a partition's log segments on disk.");

    /// <summary>Requests answered, tag <c>api</c> (<c>Produce</c>, <c>Fetch</c>, ...).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("cartstream.broker.requests", "{request}", "Requests the broker answered, by API.");

    /// <summary>Request bytes read from clients, size prefix included.</summary>
    public static readonly Counter<long> Received = Meter.CreateCounter<long>("cartstream.broker.received", "By", "Bytes of requests the broker read from clients.");

    /// <summary>Response bytes written to clients.</summary>
    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("cartstream.broker.sent", "By", "Bytes of responses the broker wrote to clients.");

    /// <summary>From a request read to its response written, tag <c>api</c>; a Fetch includes its wait for data (<c>fetch.wait.max.ms</c>).</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "cartstream.broker.request.duration", "s", "Time from a request read to its response written, by API.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    /// <summary>Adds a started broker to the gauges.</summary>
    public static void Track(string dataDirectory, TopicStore topics) => Running[dataDirectory] = topics;

    /// <summary>Removes a stopped broker.</summary>
    public static void Untrack(string dataDirectory) => Running.TryRemove(dataDirectory, out _);

    /// <summary>Counts one answered request of <paramref name="requestBytes"/> (size prefix included) and its response.</summary>
    public static void OnRequest(short apiKey, int requestBytes, int responseBytes, TimeSpan elapsed)
    {
        var api = ApiTags.TryGetValue(apiKey, out var tag) ? tag : UnknownApi;
        Requests.Add(1, api);
        Received.Add(requestBytes);
        Sent.Add(responseBytes);
        RequestDuration.Record(elapsed.TotalSeconds, api);
    }

    private static List<Measurement<double>> ObserveDisk()
    {
        var measurements = new List<Measurement<double>>();
        foreach (var directory in Running.Keys)
        {
            try
            {
                var bytes = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                var size = new DriveInfo(directory).TotalSize;
                measurements.Add(new Measurement<double>((double)bytes / size, new KeyValuePair<string, object?>("data_directory", directory)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A segment deleted by retention while listed: this collection skips the broker, the next one sees it.
            }
        }

        return measurements;
    }

    private static IEnumerable<Measurement<long>> ObservePartitions() =>
        from topics in Running.Values
        from topic in topics.Topics
        from log in topic.Value
        select new Measurement<long>(log.SizeBytes, new KeyValuePair<string, object?>("topic", log.Topic), new KeyValuePair<string, object?>("partition", log.Partition));
}
