namespace CartStream.Testing;

/// <summary>
/// The <c>cartstream</c> command built beside the running tests, started as its own operating-system process so a
/// test can kill it with SIGKILL the way a crash would. A test project that uses it references
/// src/CartStream.Cli with <c>ReferenceOutputAssembly="false"</c>, so the command is built first.
/// </summary>
public static class Cli
{
    /// <summary>Path of cartstream.dll in the same configuration (Debug/Release) as the running tests.</summary>
    public static string Dll
    {
        get
        {
            // tests/<Project>/bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = RepoPaths.Combine("src", "CartStream.Cli", "bin", configuration, "net10.0", "cartstream.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/CartStream.Cli first.", path);
        }
    }

    /// <summary>Starts a long-running command (broker, registry, produce, ...).</summary>
    public static RunningProcess Start(params string[] arguments) => RunningProcess.Start("dotnet", [Dll, .. arguments]);

    /// <summary>Starts a long-running command with extra environment variables (configuration such as <c>CARTSTREAM_Lake__Sink__MaxFileAge</c>).</summary>
    public static RunningProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunningProcess.Start("dotnet", [Dll, .. arguments], environment: environment);

    /// <summary>Runs a command to completion.</summary>
    public static Task<ProcessResult> RunAsync(TimeSpan timeout, CancellationToken cancellationToken, params string[] arguments) =>
        ExternalProcess.RunAsync("dotnet", [Dll, .. arguments], timeout, cancellationToken);
}
