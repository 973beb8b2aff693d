using System.Diagnostics;
using System.Threading.Channels;

namespace CartStream.Testing;

/// <summary>
/// A long-running external program (a group member, a server) whose stdout lines a test reads as they come,
/// and whose stdin it can close to ask it to stop. Killed on dispose if still running.
/// </summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private RunningProcess(Process process, bool includeStandardError)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (includeStandardError && e.Data is not null)
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the program with stdin, stdout and stderr redirected, and <paramref name="environment"/> added to its environment.</summary>
    public static RunningProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        bool includeStandardError = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new RunningProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}."),
            includeStandardError);
    }

    /// <summary>The next stdout line matching <paramref name="predicate"/>, failing after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(source.Token);
                if (predicate(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching line within {timeout}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The program ended before printing a matching line.");
        }
    }

    /// <summary>Closes stdin (the program's cue to stop) and waits for it to exit.</summary>
    public async Task CloseInputAndWaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _process.StandardInput.Close();
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        await _process.WaitForExitAsync(source.Token);
    }

    /// <summary>The operating system's process id, for signals a test sends (<c>kill -TERM</c>).</summary>
    public int Id => _process.Id;

    /// <summary>Whether the program has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown code of the program runs, nothing it buffered is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        _process.WaitForExit();
    }

    /// <summary>Waits for the program to exit by itself, failing after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(source.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The program did not exit within {timeout}.");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM (a polite stop: kcat, for one, leaves its group) and waits for the exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        await _process.WaitForExitAsync(source.Token);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
