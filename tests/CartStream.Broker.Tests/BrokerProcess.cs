using System.Diagnostics;
using CartStream.Testing;

namespace CartStream.Broker.Tests;

/// <summary>
/// The broker as its own operating-system process (<c>dotnet cartstream.dll broker</c>), so a test can kill it
/// with SIGKILL the way a crash or an OOM killer would, and start it again on the same port.
/// </summary>
internal sealed class BrokerProcess : IDisposable
{
    private readonly string _dataDirectory;
    private Process? _process;

    public BrokerProcess(string dataDirectory, int port)
    {
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    public string BootstrapServers => $"127.0.0.1:{Port}";

    /// <summary>The CLI built beside this test project (same configuration).</summary>
    public static string CliDll
    {
        get
        {
            // tests/CartStream.Broker.Tests/bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = RepoPaths.Combine("src", "CartStream.Cli", "bin", configuration, "net10.0", "cartstream.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/CartStream.Cli first.", path);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliDll, "broker", "--data-dir", _dataDirectory, "--port", Port.ToString(), "--default-partitions", "1" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the broker.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The broker exited before it was ready (exit code {(_process.HasExited ? _process.ExitCode : 0)}).");
            if (line.StartsWith("bootstrap.servers=", StringComparison.Ordinal))
            {
                break;
            }
        }

        _ = DrainAsync(_process);
    }

    private static async Task DrainAsync(Process process)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is not null)
            {
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, no file is flushed or closed by the broker.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();
}
