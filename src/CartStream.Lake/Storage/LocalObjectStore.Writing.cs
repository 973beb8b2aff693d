namespace CartStream.Lake.Storage;

/// <summary>The write path: temporary file, fsync, publish under the key, fsync the folder.</summary>
public sealed partial class LocalObjectStore
{
    private const int MaxTempStemLength = 160;

    private async Task<bool> WriteThenPublishAsync(
        string key, string path, Stream content, Func<string, string, bool> publish, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, TemporaryName(Path.GetFileName(path)));
        try
        {
            EnsureFolder(folder);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: false))
            {
                await CopyAsync(content, file, cancellationToken);
                // Data reaches the disk before the name does: a crash can never publish a file with holes.
                file.Flush(flushToDisk: true);
            }

            var published = publish(temp, path);
            PosixFileSystem.SyncDirectory(folder);
            return published;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail("write", key, e);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>
    /// A hidden name in the target's folder (a rename across folders is not atomic), never ending in the
    /// target's extension, so no reader or listing mistakes it for data.
    /// </summary>
    private static string TemporaryName(string fileName)
    {
        var stem = fileName.Length > MaxTempStemLength ? fileName[..MaxTempStemLength] : fileName;
        return $".{stem}{TempMarker}{Guid.NewGuid():N}";
    }

    /// <summary>Creates the folder and fsyncs the parent of every folder it had to create, so the path survives a crash.</summary>
    private void EnsureFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        var missing = new Stack<string>();
        for (var dir = folder; !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!)
        {
            missing.Push(dir);
        }

        Directory.CreateDirectory(folder);
        foreach (var created in missing)
        {
            PosixFileSystem.SyncDirectory(Path.GetDirectoryName(created)!);
        }
    }

    private void DeleteQuietly(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden file is harmless: listings skip it and DeleteStaleTemporaryFiles removes it.
            Log.TemporaryFileNotDeleted(_logger, temp, e.Message);
        }
    }

    /// <summary>Copies by hand so that a failing source (not transient) is told apart from a failing disk (transient).</summary>
    private static async Task CopyAsync(Stream source, FileStream target, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, cancellationToken);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
                {
                    throw new ObjectStoreException($"Reading the content to write failed: {e.Message}", key: null, isTransient: false, innerException: e);
                }

                if (read == 0)
                {
                    return;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
