using System.Text.RegularExpressions;
using CartStream.Monitoring.Metrics;

namespace CartStream.Web.Operations;

/// <summary>
/// Reads the process's <c>CartStream.*</c> instruments at a fixed interval and keeps a short history, so the
/// operations page can show rates (records per second) and not only running totals.
/// </summary>
public sealed partial class OpsSampler : BackgroundService
{
    /// <summary>The span a rate is measured over.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    /// <summary>The span of history kept.</summary>
    public static readonly TimeSpan HistorySpan = TimeSpan.FromMinutes(15);

    private readonly InstrumentReader _reader;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly LinkedList<MetricSnapshot> _history = new();

    /// <summary>A sampler reading every <see cref="WebAppOptions.SampleInterval"/>.</summary>
    public OpsSampler(WebAppOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _interval = options.SampleInterval;
        _time = time;
        _reader = new InstrumentReader(time: time);
    }

    /// <summary>Takes a sample now (the page also calls it, so a fresh process shows values at once).</summary>
    public MetricSnapshot Sample()
    {
        var snapshot = _reader.Snapshot();
        lock (_lock)
        {
            _history.AddLast(snapshot);
            while (_history.First is { } first && snapshot.At - first.Value.At > HistorySpan)
            {
                _history.RemoveFirst();
            }
        }

        return snapshot;
    }

    /// <summary>The samples kept, oldest first.</summary>
    public IReadOnlyList<MetricSnapshot> History
    {
        get
        {
            lock (_lock)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Throughput per stage from every <c>cartstream.&lt;stage&gt;.records</c> counter seen.</summary>
    public static IReadOnlyList<StageThroughput> Throughput(IReadOnlyList<MetricSnapshot> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return [];
        }

        var latest = history[^1];
        var stages = new List<StageThroughput>();
        foreach (var metric in latest.Series.Keys.Where(k => StageCounter().IsMatch(k)).Order(StringComparer.Ordinal))
        {
            var total = latest.Value(metric, SeriesCombine.Sum) ?? 0;
            var rates = new List<double>(history.Count);
            for (var i = 1; i < history.Count; i++)
            {
                rates.Add(Rate(history[i - 1], history[i], metric) ?? 0);
            }

            var older = history.LastOrDefault(s => latest.At - s.At >= RateWindow) ?? (history.Count > 1 ? history[0] : null);
            stages.Add(new StageThroughput(StageCounter().Match(metric).Groups[1].Value, metric, total, older is null ? null : Rate(older, latest, metric), rates));
        }

        return stages;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _reader.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }

    private static double? Rate(MetricSnapshot from, MetricSnapshot to, string metric)
    {
        var seconds = (to.At - from.At).TotalSeconds;
        if (seconds <= 0)
        {
            return null;
        }

        var delta = (to.Value(metric, SeriesCombine.Sum) ?? 0) - (from.Value(metric, SeriesCombine.Sum) ?? 0);
        return Math.Max(0, delta) / seconds;
    }

    [GeneratedRegex(@"^cartstream\.([a-z_]+)\.records$")]
    private static partial Regex StageCounter();
}
