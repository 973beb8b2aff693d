using System.Diagnostics.Metrics;
using System.Text;

namespace CartStream.Monitoring.Metrics;

/// <summary>
/// Reads the process's own instruments (every meter whose name starts with a prefix, <c>CartStream</c> by
/// default) through a <see cref="MeterListener"/>, so alert rules run inside any CartStream process without a
/// Prometheus server.
/// </summary>
public sealed class InstrumentReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, Dictionary<string, double>> _series = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    /// <summary>Starts listening to meters whose name starts with <paramref name="meterPrefix"/>.</summary>
    public InstrumentReader(string meterPrefix = "CartStream", TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterPrefix);
        _time = time ?? TimeProvider.System;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith(meterPrefix, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<byte>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<short>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<float>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<decimal>((i, v, t, _) => Record(i, (double)v, t));
        _listener.Start();
    }

    /// <summary>Polls the observable instruments and returns every series' current value.</summary>
    public MetricSnapshot Snapshot()
    {
        _listener.RecordObservableInstruments();
        var at = _time.GetUtcNow();
        lock (_lock)
        {
            var copy = new Dictionary<string, IReadOnlyDictionary<string, double>>(_series.Count, StringComparer.Ordinal);
            foreach (var (name, series) in _series)
            {
                copy[name] = new Dictionary<string, double>(series, StringComparer.Ordinal);
            }

            return new MetricSnapshot(at, copy);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = SeriesKey(tags);
        lock (_lock)
        {
            switch (instrument)
            {
                case Counter<byte> or Counter<short> or Counter<int> or Counter<long> or Counter<float> or Counter<double> or Counter<decimal>
                    or UpDownCounter<byte> or UpDownCounter<short> or UpDownCounter<int> or UpDownCounter<long> or UpDownCounter<float> or UpDownCounter<double> or UpDownCounter<decimal>:
                    Add(instrument.Name, key, value);
                    break;
                case Histogram<byte> or Histogram<short> or Histogram<int> or Histogram<long> or Histogram<float> or Histogram<double> or Histogram<decimal>:
                    Add(instrument.Name + ".count", key, 1);
                    Add(instrument.Name + ".sum", key, value);
                    break;
                default:
                    // Gauges and every observable instrument report their current (for counters: cumulative) value.
                    Series(instrument.Name)[key] = value;
                    break;
            }
        }
    }

    private void Add(string name, string key, double value)
    {
        var series = Series(name);
        series[key] = series.GetValueOrDefault(key) + value;
    }

    private Dictionary<string, double> Series(string name)
    {
        if (!_series.TryGetValue(name, out var series))
        {
            series = new Dictionary<string, double>(StringComparer.Ordinal);
            _series[name] = series;
        }

        return series;
    }

    private static string SeriesKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{key}={value}");
        }

        pairs.Sort(StringComparer.Ordinal);
        return new StringBuilder().AppendJoin(',', pairs).ToString();
    }
}
