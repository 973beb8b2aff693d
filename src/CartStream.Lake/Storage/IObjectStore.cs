namespace CartStream.Lake.Storage;

/// <summary>
/// The lake's storage: a flat namespace of immutable-until-replaced objects addressed by '/'-separated keys.
/// Every stage reads and writes the lake only through this interface, so the same code runs on a local folder
/// and on S3.
/// </summary>
/// <remarks>
/// Guarantees on every implementation: a reader sees either the whole previous content of a key or the whole new
/// content, never a partial object; objects still being written are invisible to <see cref="ListAsync"/>,
/// <see cref="GetInfoAsync"/> and <see cref="OpenReadAsync"/>. Keys are validated by <see cref="ObjectKey"/>:
/// no path segment may start with '.', because that form is reserved for temporary objects.
/// Failures surface as <see cref="ObjectStoreException"/>; <see cref="ObjectStoreException.IsTransient"/> tells
/// whether retrying later may succeed.
/// </remarks>
public interface IObjectStore : IDisposable
{
    /// <summary>Where the objects live, for logs and messages (<c>file:///...</c> or <c>s3://bucket/prefix/</c>).</summary>
    string Location { get; }

    /// <summary>
    /// Writes the object, replacing any previous content atomically. Returns once the object is durable and
    /// visible to every reader. The stream is read to its end and not disposed.
    /// </summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the object only if no object has the key: an atomic claim. Of concurrent callers for one key,
    /// exactly one gets <see langword="true"/>; the others get <see langword="false"/> and leave the winner's
    /// content untouched. The winner's content becomes visible whole.
    /// </summary>
    Task<bool> TryCreateAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the object for reading. Throws <see cref="ObjectStoreException"/> with
    /// <see cref="ObjectStoreException.IsNotFound"/> when there is no such object. The caller disposes the stream.
    /// </summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The object's size, time and tag, or <see langword="null"/> when there is no such object.</summary>
    Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every visible object whose key starts with <paramref name="prefix"/> (a plain string prefix, as on S3:
    /// <c>"a/b"</c> matches <c>"a/b/c"</c> and <c>"a/bc"</c>), in ordinal key order. Temporary objects are skipped.
    /// </summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object. Deleting a key that does not exist succeeds.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
