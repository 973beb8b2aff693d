using CartStream.Lake.Storage;

namespace CartStream.Lake.Tests.Support;

/// <summary>
/// A real store whose writes start failing after a given number of successful ones: a crash at that moment,
/// as seen from the lake (the process stops writing; what it wrote stays).
/// </summary>
public sealed class FaultyObjectStore(IObjectStore inner, int writesBeforeFailure) : IObjectStore
{
    private int _writes;

    /// <summary>True once a write was refused.</summary>
    public bool HasFailed => _writes > writesBeforeFailure;

    /// <inheritdoc />
    public string Location => inner.Location;

    /// <inheritdoc />
    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        Fail(key);
        return inner.PutAsync(key, content, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        Fail(key);
        return inner.TryCreateAsync(key, content, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    /// <inheritdoc />
    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) => inner.GetInfoAsync(key, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Fail(key);
        return inner.DeleteAsync(key, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Fail(string key)
    {
        if (Interlocked.Increment(ref _writes) > writesBeforeFailure)
        {
            throw new ObjectStoreException($"Injected crash before writing '{key}'.", key, isTransient: true);
        }
    }
}
