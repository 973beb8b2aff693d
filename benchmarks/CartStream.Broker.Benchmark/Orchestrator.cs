using System.Diagnostics;
using System.Text.Json;

namespace CartStream.Broker.Benchmark;

/// <summary>
/// One run, side by side: for each broker (the librdkafka mock cluster, then ours) start it as its own process,
/// run producer and consumer processes at the same time, and read the broker process's CPU time from /proc.
/// </summary>
internal static class Orchestrator
{
    public static async Task<int> RunAsync(int messages, int bytes)
    {
        var rows = new List<string>();
        var partitions = 0;
        foreach (var target in new[] { "mock", "cartstream" })
        {
            var data = Directory.CreateTempSubdirectory("cartstream-bench-");
            var port = FreePort();
            string[] hostArgs = target == "mock"
                ? [SelfDll, "mock-host"]
                : [CliDll, "broker", "--data-dir", data.FullName, "--port", port.ToString(), "--default-partitions", Math.Max(partitions, 1).ToString()];
            using var host = Start(hostArgs);
            var bootstrap = await ReadBootstrapAsync(host);
            var cpuAtStart = CpuSeconds(host.Id);

            // The same warm-up for both: our broker compiles its request paths on first use (JIT), a one-off
            // cost reported apart from the per-message cost measured after it.
            var warmupMessages = Math.Min(100_000, messages).ToString();
            var warmProduce = Task.Run(() => RunChild(SelfDll, "produce", bootstrap, "warmup", warmupMessages, bytes.ToString()));
            RunChild(SelfDll, "consume", bootstrap, "warmup", warmupMessages);
            await warmProduce;
            var cpuBefore = CpuSeconds(host.Id);
            var topic = "bench";
            var produce = Task.Run(() => RunChild(SelfDll, "produce", bootstrap, topic, messages.ToString(), bytes.ToString()));
            var consume = Task.Run(() => RunChild(SelfDll, "consume", bootstrap, topic, messages.ToString()));
            var produced = await produce;
            var consumed = await consume;
            var cpu = CpuSeconds(host.Id) - cpuBefore;

            // A consumer that starts after the producer finished: a sink restarted or catching up.
            var later = RunChild(SelfDll, "consume", bootstrap, topic, messages.ToString());
            host.Kill();
            await host.WaitForExitAsync();
            data.Delete(recursive: true);

            partitions = consumed.GetProperty("partitions").GetInt32();
            var lost = consumed.GetProperty("lost").GetInt64();
            rows.Add($"| {(target == "mock" ? "librdkafka mock cluster" : "cartstream broker")} | {partitions} "
                + $"| {produced.GetProperty("rate").GetDouble():N0} | {consumed.GetProperty("rate").GetDouble():N0} "
                + $"| {produced.GetProperty("acked").GetInt64():N0} | {consumed.GetProperty("unique").GetInt64():N0} | {lost:N0} "
                + $"| {consumed.GetProperty("duplicates").GetInt64():N0} | {later.GetProperty("unique").GetInt64():N0} | {later.GetProperty("lost").GetInt64():N0} | {cpuBefore - cpuAtStart:F2} | {cpu:F2} | {cpu / (messages / 1e6):F2} |");
        }

        Console.WriteLine($"{messages:N0} messages of {bytes} bytes, acks=all, idempotent producer, producer and consumer in their own processes, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| broker | partitions | produce msg/s | consume msg/s | acked | read alongside (unique) | lost | duplicates | read afterwards (unique) | lost afterwards | broker CPU-s warm-up | broker CPU-s run | broker CPU-s per 1M |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static string SelfDll => typeof(Orchestrator).Assembly.Location;

    private static string CliDll
    {
        get
        {
            // benchmarks/CartStream.Broker.Benchmark/bin/<Configuration>/net10.0/ -> src/CartStream.Cli/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = output.Parent!.Name;
            var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "src", "CartStream.Cli", "bin", configuration, "net10.0", "cartstream.dll");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + string.Join(' ', arguments));
    }

    private static async Task<string> ReadBootstrapAsync(Process host)
    {
        while (await host.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("bootstrap.servers=", StringComparison.Ordinal))
            {
                return line["bootstrap.servers=".Length..];
            }
        }

        throw new InvalidOperationException("The broker exited before printing its address.");
    }

    private static JsonElement RunChild(params string[] arguments)
    {
        using var child = Start(arguments);
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"{arguments[1]} printed nothing (exit {child.ExitCode}).");
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    /// <summary>User + system CPU time of a process so far, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
