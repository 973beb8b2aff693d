using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CartStream.Testing;

/// <summary>
/// Records every measurement of one meter's instruments through a <see cref="MeterListener"/>. Meters are static,
/// so tests running beside each other add to the same instruments: assert on what this test's work recorded
/// (a measurement with its values), not on totals.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    /// <summary>Starts recording the instruments of the meter named <paramref name="meterName"/>.</summary>
    public MeasurementRecorder(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        _listener.Start();
    }

    /// <summary>Every measurement recorded so far, after polling the observable instruments.</summary>
    public IReadOnlyList<Measurement> Measurements(string instrument)
    {
        _listener.RecordObservableInstruments();
        return [.. _measurements.Where(m => m.Instrument == instrument)];
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }
}
