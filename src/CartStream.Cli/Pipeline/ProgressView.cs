using System.Globalization;
using Spectre.Console;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// The live view of a long run in a terminal: one bar per stage (events in the topic, landed in the lake,
/// transformed into the model, rows in the warehouse). Each bar's goal is what the stage before it has handed over.
/// </summary>
internal sealed class ProgressView
{
    private readonly long? _events;
    private PipelineSnapshot _latest = new(false, 0, 0, 0, 0, 0);

    public ProgressView(long? events) => _events = events;

    /// <summary>True when stderr is a terminal that can redraw lines; otherwise the run stays quiet until its summary.</summary>
    public static bool IsAvailable => !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Takes the newest snapshot; the view redraws from it.</summary>
    public void Update(PipelineSnapshot snapshot) => Volatile.Write(ref _latest, snapshot);

    /// <summary>Shows the bars on stderr until <paramref name="work"/> completes.</summary>
    public async Task<T> ShowAsync<T>(Func<Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var produce = context.AddTask("produce");
                var land = context.AddTask("sink");
                var transform = context.AddTask("transform");
                var load = context.AddTask("load");
                var running = work();
                while (!running.IsCompleted)
                {
                    var s = Volatile.Read(ref _latest);
                    Set(produce, "produce", s.TopicRecords, _events ?? Math.Max(1, s.TopicRecords));
                    Set(land, "sink", s.Landed, Math.Max(1, s.TopicRecords));
                    Set(transform, "transform", s.Transformed, Math.Max(1, s.Landed));
                    Set(load, "load", s.WarehouseRows, Math.Max(1, s.TopicRecords));
                    await Task.WhenAny(running, Task.Delay(250));
                }

                return await running;
            });
    }

    private static void Set(ProgressTask task, string stage, long value, long goal)
    {
        task.MaxValue = goal;
        task.Value = Math.Min(value, goal);
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{stage,-9} {value,12:N0}");
    }
}
