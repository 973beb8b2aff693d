using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CartStream.Warehouse;

/// <summary>
/// The size of an embedded warehouse on disk (<c>cartstream.warehouse.database.size</c>, meter <c>CartStream.Warehouse</c>),
/// CartStream's counterpart of the seed's Redshift storage metric. A host that opens a DuckDB file tracks it while open.
/// </summary>
public static class WarehouseFileMetrics
{
    private static readonly ConcurrentDictionary<string, int> Tracked = new(StringComparer.Ordinal);

    /// <summary>Bytes of each tracked DuckDB file with its write-ahead log, tag <c>database</c> (the file's path).</summary>
    public static readonly ObservableGauge<long> DatabaseSize = WarehouseMetrics.Meter.CreateObservableGauge(
        "cartstream.warehouse.database.size", Observe, "By", "Bytes of the embedded warehouse file and its write-ahead log.");

    /// <summary>Reports <paramref name="duckDbPath"/> until the returned handle is disposed (tracking the same file twice counts it once).</summary>
    public static IDisposable Track(string duckDbPath)
    {
        var path = Path.GetFullPath(duckDbPath);
        Tracked.AddOrUpdate(path, 1, (_, n) => n + 1);
        return new Handle(path);
    }

    private static IEnumerable<Measurement<long>> Observe()
    {
        foreach (var path in Tracked.Keys)
        {
            var file = new FileInfo(path);
            var wal = new FileInfo(path + ".wal");
            file.Refresh();
            wal.Refresh();
            if (file.Exists)
            {
                yield return new Measurement<long>(file.Length + (wal.Exists ? wal.Length : 0), new KeyValuePair<string, object?>("database", path));
            }
        }
    }

    private sealed class Handle(string path) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Tracked.AddOrUpdate(path, 0, (_, n) => n - 1);
                Tracked.TryRemove(new KeyValuePair<string, int>(path, 0));
            }
        }
    }
}
