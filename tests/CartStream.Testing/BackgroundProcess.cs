using System.Diagnostics;
using System.Text;

namespace CartStream.Testing;

/// <summary>
/// A long-running program a test starts (a server, a CLI command that runs until stopped): its output is
/// collected line by line so the test can wait for a readiness line, and it is killed when disposed.
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private BackgroundProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id, for sending it signals.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>.</summary>
    public static BackgroundProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var running = new BackgroundProcess(process);
        process.OutputDataReceived += (_, e) => running.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => running.OnError(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for the first stdout line matching <paramref name="match"/>; fails with everything printed so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var seen = 0;
        while (true)
        {
            lock (_lines)
            {
                for (; seen < _lines.Count; seen++)
                {
                    if (match(_lines[seen]))
                    {
                        return _lines[seen];
                    }
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode} before printing the expected line.\n{Describe()}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching line within {timeout}.\n{Describe()}");
            }
        }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The process did not exit within {timeout}.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        _lineArrived.Release();
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
            }
        }
    }

    private string Describe()
    {
        lock (_lines)
        {
            lock (_stderr)
            {
                return $"stdout:\n{string.Join('\n', _lines)}\nstderr:\n{_stderr}";
            }
        }
    }
}
