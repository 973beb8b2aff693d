using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Lake.Storage;

/// <summary>Builds the object store that <see cref="LakeStorageOptions"/> describe.</summary>
public static class ObjectStoreFactory
{
    /// <summary>A <see cref="LocalObjectStore"/> or an <see cref="S3ObjectStore"/>; the caller disposes it.</summary>
    public static IObjectStore Create(LakeStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        return options.Kind switch
        {
            LakeStorageKind.Local => new LocalObjectStore(
                options.Root ?? throw new ArgumentException("Lake:Storage:Root is required for the local store.", nameof(options)),
                loggerFactory.CreateLogger<LocalObjectStore>()),
            LakeStorageKind.S3 => new S3ObjectStore(options, credentials: null, loggerFactory.CreateLogger<S3ObjectStore>()),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown Lake:Storage:Kind."),
        };
    }
}
