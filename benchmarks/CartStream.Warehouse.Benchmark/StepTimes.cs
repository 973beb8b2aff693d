using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CartStream.Warehouse.Benchmark;

/// <summary>Collects the loader's per-step timings (its Debug "load step" messages) and prints where the load time went.</summary>
public sealed class StepTimes : ILogger
{
    private readonly ConcurrentDictionary<string, (double Milliseconds, int Count)> _steps = new(StringComparer.Ordinal);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != 7004 || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        var step = values.FirstOrDefault(v => v.Key == "Step").Value as string ?? "?";
        var ms = values.FirstOrDefault(v => v.Key == "Milliseconds").Value is double d ? d : 0;
        _steps.AddOrUpdate(step, (ms, 1), (_, t) => (t.Milliseconds + ms, t.Count + 1));
    }

    public void Print(string backend)
    {
        var total = _steps.Values.Sum(v => v.Milliseconds);
        Console.WriteLine($"{backend} load steps (sum over batches, {total / 1000:F1} s in the database):");
        foreach (var (step, (ms, count)) in _steps.OrderByDescending(s => s.Value.Milliseconds))
        {
            Console.WriteLine($"  {ms / 1000,7:F2} s  {100 * ms / total,5:F1} %  x{count,-3} {step}");
        }
    }
}
