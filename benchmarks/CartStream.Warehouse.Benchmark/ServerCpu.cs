using System.Globalization;
using Npgsql;

namespace CartStream.Warehouse.Benchmark;

/// <summary>
/// CPU seconds used by a local PostgreSQL server (the postmaster and every backend, live or exited), from /proc:
/// on a shared machine wall time moves with other people's load, CPU time much less.
/// </summary>
public static class ServerCpu
{
    private const double TicksPerSecond = 100;

    /// <summary>The postmaster's pid: the parent of this connection's backend.</summary>
    public static async Task<int?> PostmasterAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
            var backend = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            return int.Parse(Fields(backend)![1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>Seconds of CPU of the postmaster, its exited children (reaped) and its live children.</summary>
    public static double Seconds(int postmaster)
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Fields(pid) is not { } f)
            {
                continue;
            }

            if (pid == postmaster)
            {
                ticks += Tick(f, 11) + Tick(f, 12) + Tick(f, 13) + Tick(f, 14);
            }
            else if (f[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                ticks += Tick(f, 11) + Tick(f, 12);
            }
        }

        return ticks / TicksPerSecond;
    }

    // Fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Tick(string[] fields, int index) => double.Parse(fields[index], CultureInfo.InvariantCulture);
}
