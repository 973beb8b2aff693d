using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Lake.Storage;

/// <summary>
/// The lake on a local folder. A write goes to a hidden temporary file beside its target
/// (<c>.&lt;name&gt;.tmp-&lt;guid&gt;</c>, never ending in <c>.avro</c> or <c>.parquet</c>), is fsynced, then renamed
/// over the target and the directory fsynced: readers see the old file or the new one, and after a power cut the
/// renamed file is there whole. A crash leaves at most a hidden temporary file, which listings skip and
/// <see cref="DeleteStaleTemporaryFiles"/> removes.
/// </summary>
public sealed partial class LocalObjectStore : IObjectStore
{
    private const string TempMarker = ".tmp-";
    private readonly ILogger _logger;

    /// <summary>Opens (and creates if missing) the lake folder at <paramref name="root"/>.</summary>
    public LocalObjectStore(string root, ILogger<LocalObjectStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"Cannot create the lake folder '{Root}': {e.Message}", e);
        }
    }

    /// <summary>The lake folder's full path.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Location => new Uri(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <inheritdoc />
    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        await WriteThenPublishAsync(key, path, content, (temp, target) =>
        {
            File.Move(temp, target, overwrite: true);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The content is written and fsynced under a temporary name first, then hard-linked to the key: link(2)
    /// fails when the name exists, so the claim is atomic and the winner's file is never seen half written
    /// (an O_EXCL create of the target itself would expose an empty file until the content is written).
    /// </remarks>
    public async Task<bool> TryCreateAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return false;
        }

        return await WriteThenPublishAsync(key, path, content, PosixFileSystem.TryLink, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail("read", key, e);
        }
    }

    /// <inheritdoc />
    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(key));
        try
        {
            return Task.FromResult(file.Exists ? InfoOf(key, file) : null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the existence check and the stat.
            return Task.FromResult<ObjectInfo?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail("stat", key, e);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        await Task.CompletedTask;
        var found = new List<ObjectInfo>();
        // A key prefix is a string prefix, not a folder: list from the deepest folder it names, then filter.
        var folderPart = prefix[..(prefix.LastIndexOf('/') + 1)];
        var start = new DirectoryInfo(Path.Combine(Root, folderPart));
        if (!start.Exists)
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
        try
        {
            foreach (var file in start.EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = KeyOf(file.FullName);
                if (!key.StartsWith(prefix, StringComparison.Ordinal) || ObjectKey.IsHidden(key))
                {
                    continue;
                }

                try
                {
                    found.Add(InfoOf(key, file));
                }
                catch (FileNotFoundException)
                {
                    // Deleted while listing: it is simply not part of this listing.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail("list", prefix, e);
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var info in found)
        {
            yield return info;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                PosixFileSystem.SyncDirectory(Path.GetDirectoryName(path)!);
            }
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail("delete", key, e);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes the hidden temporary files that crashed writers left behind, if older than
    /// <paramref name="olderThan"/> (so that writes in progress are spared). Returns how many it deleted.
    /// </summary>
    public int DeleteStaleTemporaryFiles(TimeSpan olderThan)
    {
        var cutoff = DateTime.UtcNow - olderThan;
        var deleted = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("." + "*" + TempMarker + "*", options))
        {
            try
            {
                if (file.LastWriteTimeUtc < cutoff)
                {
                    file.Delete();
                    deleted++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.TemporaryFileNotDeleted(_logger, file.FullName, e.Message);
            }
        }

        return deleted;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string PathOf(string key)
    {
        ObjectKey.Validate(key);
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private string KeyOf(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static ObjectInfo InfoOf(string key, FileInfo file)
    {
        var modified = file.LastWriteTimeUtc;
        return new ObjectInfo(key, file.Length, new DateTimeOffset(modified, TimeSpan.Zero), $"{modified.Ticks:x}-{file.Length:x}");
    }

    private ObjectStoreException Fail(string operation, string key, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException =>
            new ObjectStoreException($"No object '{key}' in {Location}.", key, isTransient: false, isNotFound: true, innerException: e),
        UnauthorizedAccessException =>
            new ObjectStoreException($"Cannot {operation} '{key}' in {Location}: {e.Message}", key, isTransient: false, innerException: e),
        // Disk full, I/O errors and locks can clear: the caller backs off and retries.
        _ => new ObjectStoreException($"Cannot {operation} '{key}' in {Location}: {e.Message}", key, isTransient: true, innerException: e),
    };
}
