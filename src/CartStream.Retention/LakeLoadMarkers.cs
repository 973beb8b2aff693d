using CartStream.Lake;
using CartStream.Lake.Storage;

namespace CartStream.Retention;

/// <summary>
/// Load markers kept in the lake: an object <c>_state/warehouse/loaded/&lt;model file key&gt;</c> says the file is
/// loaded. The markers are listed once, on the first question, so a run costs one listing and no request per file.
/// With no markers nothing counts as loaded, and retention keeps every model file.
/// </summary>
public sealed class LakeLoadMarkers : ILoadedFiles
{
    /// <summary>Where the markers live.</summary>
    public static readonly string Prefix = LakeLayout.StatePrefix("warehouse") + "loaded/";

    private readonly IObjectStore _store;
    private HashSet<string>? _loaded;

    /// <summary>Reads markers from <paramref name="store"/>.</summary>
    public LakeLoadMarkers(IObjectStore store)
    {
        _store = store;
    }

    /// <summary>The marker's key for the model file <paramref name="key"/>.</summary>
    public static string MarkerKey(string key) => Prefix + key;

    /// <summary>Marks <paramref name="key"/> loaded: what a warehouse loader writing lake-side markers calls after its commit.</summary>
    public static Task MarkLoadedAsync(IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.PutAsync(MarkerKey(key), ReadOnlyMemory<byte>.Empty, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> IsLoadedAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_loaded is null)
        {
            var loaded = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var marker in _store.ListAsync(Prefix, cancellationToken))
            {
                loaded.Add(marker.Key[Prefix.Length..]);
            }

            _loaded = loaded;
        }

        return _loaded.Contains(key);
    }
}
