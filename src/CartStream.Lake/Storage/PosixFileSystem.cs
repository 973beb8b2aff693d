using System.Runtime.InteropServices;

namespace CartStream.Lake.Storage;

/// <summary>
/// The two POSIX calls .NET does not expose: fsync of a directory (so a rename survives a power cut) and
/// link(2), which publishes a fully written file under a new name only if that name is free.
/// </summary>
internal static partial class PosixFileSystem
{
    private const int OpenReadOnly = 0;
    private const int ErrorExists = 17;      // EEXIST on Linux and macOS
    private const int ErrorInvalid = 22;     // EINVAL: the file system cannot sync directories

    /// <summary>Flushes a directory's entries (creations, renames, deletions) to disk.</summary>
    public static void SyncDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // NTFS journals metadata; there is no directory handle to flush.
            return;
        }

        var fd = Open(path, OpenReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{path}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != ErrorInvalid)
                {
                    throw new IOException($"Cannot sync directory '{path}' (errno {errno}).");
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Gives <paramref name="existingPath"/> the extra name <paramref name="newPath"/> unless that name exists.
    /// Returns false when it exists. Atomic: of concurrent callers for one new name, exactly one succeeds.
    /// </summary>
    public static bool TryLink(string existingPath, string newPath)
    {
        if (OperatingSystem.IsWindows())
        {
            // MoveFileEx without MOVEFILE_REPLACE_EXISTING fails atomically when the target exists. The
            // temporary name is gone afterwards, which the caller tolerates.
            try
            {
                File.Move(existingPath, newPath, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(newPath))
            {
                return false;
            }
        }

        if (Link(existingPath, newPath) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == ErrorExists)
        {
            return false;
        }

        throw new IOException($"link('{existingPath}', '{newPath}') failed (errno {errno}): the lake folder needs a file system with hard links.");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);
}
