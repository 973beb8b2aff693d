using CartStream.Retention;
using CartStream.Warehouse;

namespace CartStream.Cli.Hosting;

/// <summary>Retention's "is this model file loaded?" answered by the warehouse's load manifest, read once per cleanup.</summary>
public sealed class WarehouseLoadedFiles(WarehouseLoader loader) : ILoadedFiles
{
    private IReadOnlySet<string>? _loaded;

    /// <inheritdoc />
    public async Task<bool> IsLoadedAsync(string key, CancellationToken cancellationToken = default)
    {
        _loaded ??= await loader.LoadedKeysAsync(cancellationToken);
        return _loaded.Contains(key);
    }
}
