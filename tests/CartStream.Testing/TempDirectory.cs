namespace CartStream.Testing;

/// <summary>A fresh folder for one test, deleted when disposed (kept when CARTSTREAM_KEEP_TEMP=1, for debugging).</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates a new empty folder under the system temp folder.</summary>
    public TempDirectory(string? prefix = null)
    {
        Path = Directory.CreateTempSubdirectory($"cartstream-{prefix ?? "test"}-").FullName;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CARTSTREAM_KEEP_TEMP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process the test started may still hold a file for a moment; temp is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
