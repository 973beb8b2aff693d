using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CartStream.Transform.Batch;

/// <summary>
/// Tells a claim whose worker is gone from one that is merely young. Worker ids default to
/// <c>&lt;machine&gt;-&lt;process id&gt;</c>, so a worker on the same machine can see that the process holding a claim no
/// longer runs (killed, crashed) and take its files at once instead of waiting out the lease. Claims of other
/// machines, or with ids of another shape, are judged by the lease alone.
/// </summary>
internal static class WorkerLiveness
{
    /// <summary>True when <paramref name="claim"/> (a claim object's JSON) names a worker on this machine whose process has ended.</summary>
    public static bool IsAbandoned(ReadOnlySpan<byte> claim)
    {
        string? worker;
        try
        {
            using var document = JsonDocument.Parse(claim.ToArray());
            worker = document.RootElement.TryGetProperty("worker", out var w) ? w.GetString() : null;
        }
        catch (JsonException)
        {
            return false;
        }

        return worker is not null && IsEndedLocalProcess(worker);
    }

    private static bool IsEndedLocalProcess(string worker)
    {
        var dash = worker.LastIndexOf('-');
        if (dash <= 0
            || !string.Equals(worker[..dash], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(worker[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            // No such process.
            return true;
        }
    }
}
