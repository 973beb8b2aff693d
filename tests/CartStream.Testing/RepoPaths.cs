namespace CartStream.Testing;

/// <summary>Where the repository and its test tools are, found from the test's working folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: <c>CARTSTREAM_TEST_ROOT</c> (set by test.sh) or the folder holding CartStream.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// An npm tool folder under <c>tests/</c> (for example <c>npm-kafka</c>), failing clearly when test.sh has
    /// not installed it: a missing tool fails the test, it never skips it.
    /// </summary>
    public static string NpmTools(string folder)
    {
        var dir = Combine("tests", folder);
        if (!Directory.Exists(Path.Combine(dir, "node_modules")))
        {
            throw new InvalidOperationException($"npm tools are not installed in {dir}: run ./test.sh (it runs npm ci there).");
        }

        return dir;
    }

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CARTSTREAM_TEST_ROOT");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CartStream.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (no CartStream.slnx above the test binaries).");
    }
}
