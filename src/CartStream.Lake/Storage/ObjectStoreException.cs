namespace CartStream.Lake.Storage;

/// <summary>
/// The one error type of the lake's object store. <see cref="IsTransient"/> tells the caller whether to back off
/// and retry (the store was unreachable, slow or busy) or to stop (bad configuration, missing permission).
/// </summary>
public sealed class ObjectStoreException : Exception
{
    /// <summary>Creates an error about <paramref name="key"/> (or the store as a whole when it is null).</summary>
    public ObjectStoreException(string message, string? key, bool isTransient, bool isNotFound = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
        IsTransient = isTransient;
        IsNotFound = isNotFound;
    }

    /// <summary>Creates a non-transient error.</summary>
    public ObjectStoreException(string message)
        : this(message, key: null, isTransient: false)
    {
    }

    /// <summary>Creates a non-transient error wrapping its cause.</summary>
    public ObjectStoreException(string message, Exception innerException)
        : this(message, key: null, isTransient: false, innerException: innerException)
    {
    }

    /// <summary>Creates a non-transient error without a message.</summary>
    public ObjectStoreException()
        : this("The object store failed.")
    {
    }

    /// <summary>The key the operation was about, if any.</summary>
    public string? Key { get; }

    /// <summary>True when the same operation may succeed later: the caller should back off and retry.</summary>
    public bool IsTransient { get; }

    /// <summary>True when the object does not exist.</summary>
    public bool IsNotFound { get; }
}
