namespace CartStream.Warehouse.Loading;

/// <summary>A fresh local folder that lake files are copied into before loading, deleted with everything in it.</summary>
internal sealed class StagingFolder : IDisposable
{
    public StagingFolder(WarehouseOptions options)
    {
        Path = System.IO.Path.Combine(options.StagingDirectory ?? System.IO.Path.GetTempPath(), $"cartstream-load-{Guid.NewGuid():N}");
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
