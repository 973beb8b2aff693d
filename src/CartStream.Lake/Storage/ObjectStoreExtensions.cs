namespace CartStream.Lake.Storage;

/// <summary>Conveniences over <see cref="IObjectStore"/> for small objects held in memory.</summary>
public static class ObjectStoreExtensions
{
    /// <summary>Writes <paramref name="content"/> as the whole object, replacing any previous one atomically.</summary>
    public static async Task PutAsync(this IObjectStore store, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        using var stream = AsStream(content);
        await store.PutAsync(key, stream, cancellationToken);
    }

    /// <summary>Writes <paramref name="content"/> only if the key is free: an atomic claim.</summary>
    public static async Task<bool> TryCreateAsync(this IObjectStore store, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        using var stream = AsStream(content);
        return await store.TryCreateAsync(key, stream, cancellationToken);
    }

    /// <summary>Reads the whole object into memory.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(this IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }
        catch (IOException e)
        {
            throw new ObjectStoreException($"Reading '{key}' from {store.Location} broke off: {e.Message}", key, isTransient: true, innerException: e);
        }

        return buffer.ToArray();
    }

    /// <summary>True when an object has the key.</summary>
    public static async Task<bool> ExistsAsync(this IObjectStore store, string key, CancellationToken cancellationToken = default) =>
        await store.GetInfoAsync(key, cancellationToken) is not null;

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
