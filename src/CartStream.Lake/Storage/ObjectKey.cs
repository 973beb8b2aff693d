using System.Text;

namespace CartStream.Lake.Storage;

/// <summary>
/// The rules every key follows on every backend, so that code that works on a local folder works on S3 unchanged.
/// </summary>
public static class ObjectKey
{
    /// <summary>S3's limit on a key's UTF-8 length; the local store keeps the same limit.</summary>
    public const int MaxUtf8Length = 1024;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a valid object key: non-empty,
    /// '/'-separated segments, none empty and none starting with '.' (reserved for temporary objects), no
    /// backslash or control character, at most <see cref="MaxUtf8Length"/> UTF-8 bytes.
    /// </summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problem = FindProblem(key, isPrefix: false);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid object key '{key}': {problem}.", nameof(key));
        }
    }

    /// <summary>
    /// Throws unless <paramref name="prefix"/> can start a key: empty, or the start of a valid key (it may end
    /// with '/').
    /// </summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return;
        }

        var problem = FindProblem(prefix, isPrefix: true);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid key prefix '{prefix}': {problem}.", nameof(prefix));
        }
    }

    /// <summary>
    /// True when some segment of <paramref name="key"/> starts with '.': the form of temporary and internal
    /// objects, which listings skip.
    /// </summary>
    public static bool IsHidden(string key) => key.StartsWith('.') || key.Contains("/.", StringComparison.Ordinal);

    /// <summary>The last segment of a key (its file name).</summary>
    public static string FileName(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? key : key[(slash + 1)..];
    }

    private static string? FindProblem(string key, bool isPrefix)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key[0] == '/')
        {
            return "it starts with '/'";
        }

        if (!isPrefix && key[^1] == '/')
        {
            return "it ends with '/'";
        }

        if (key.Contains("//", StringComparison.Ordinal))
        {
            return "it has an empty segment ('//')";
        }

        if (IsHidden(key))
        {
            return "a segment starts with '.', which is reserved for temporary objects";
        }

        foreach (var c in key)
        {
            if (c == '\\')
            {
                return "it contains '\\' (keys use '/')";
            }

            if (char.IsControl(c))
            {
                return "it contains a control character";
            }
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxUtf8Length)
        {
            return $"it is longer than {MaxUtf8Length} UTF-8 bytes";
        }

        return null;
    }
}
