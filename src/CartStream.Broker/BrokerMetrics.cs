using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CartStream.Broker;

/// <summary>The embedded broker's meter (<c>CartStream.Broker</c>).</summary>
internal static class BrokerMetrics
{
    private static readonly Meter Meter = new("CartStream.Broker");

    // Data folders of the brokers running in this process, read when a reader collects.
    private static readonly ConcurrentDictionary<string, byte> DataDirectories = new(StringComparer.Ordinal);

    /// <summary>Bytes in the broker's data folder over the size of the filesystem holding it, tag <c>data_directory</c>.</summary>
    public static readonly ObservableGauge<double> DiskUtilization = Meter.CreateObservableGauge(
        "cartstream.broker.disk.utilization", Observe, "1", "Share of its filesystem the broker's data folder takes, 0 to 1.");

    /// <summary>Adds a started broker's data folder to the gauge.</summary>
    public static void Track(string dataDirectory) => DataDirectories[dataDirectory] = 0;

    /// <summary>Removes a stopped broker's data folder.</summary>
    public static void Untrack(string dataDirectory) => DataDirectories.TryRemove(dataDirectory, out _);

    private static List<Measurement<double>> Observe()
    {
        var measurements = new List<Measurement<double>>();
        foreach (var directory in DataDirectories.Keys)
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
}
