using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CartStream.Registry.Storage;

/// <summary>
/// The registry's durable state: JSON lines appended to <c>registry.jsonl</c> and flushed to disk before a
/// request is answered, so an id a client has been given survives a crash. The file is held exclusively: two
/// registries on one folder would hand out the same ids.
/// </summary>
internal sealed class RegistryLog : IDisposable
{
    public const string FileName = "registry.jsonl";

    // Keeps schema text readable in the file (a quote stays a quote); the log is never embedded in HTML.
    private static readonly JsonSerializerOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FileStream _file;

    private RegistryLog(FileStream file)
    {
        _file = file;
    }

    public static RegistryLog Open(string directory, ILogger logger, out IReadOnlyList<RegistryLogEntry> entries)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"Cannot open the registry log {path}: is another registry using {directory}? {ex.Message}", ex);
        }

        try
        {
            entries = ReadAll(file, path, logger);
            file.Seek(0, SeekOrigin.End);
            return new RegistryLog(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Append(RegistryLogEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, LineOptions);
        var end = _file.Length;
        try
        {
            _file.Write(line);
            _file.WriteByte((byte)'\n');
            _file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Disk full or failing: take back the partial line so the next append does not continue it.
            TryTruncate(end);
            throw;
        }
    }

    public void Dispose() => _file.Dispose();

    private void TryTruncate(long length)
    {
        try
        {
            _file.SetLength(length);
            _file.Seek(length, SeekOrigin.Begin);
        }
        catch (IOException)
        {
            // Still failing: the start-up check cuts an unfinished last line.
        }
    }

    private static List<RegistryLogEntry> ReadAll(FileStream file, string path, ILogger logger)
    {
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);

        // A crash in the middle of an append leaves a last line without its newline: it was never acknowledged,
        // so it is cut off rather than glued to the next entry.
        var end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (end < bytes.Length)
        {
            Log.TornLogTail(logger, path, bytes.Length - end);
            file.SetLength(end);
        }

        var entries = new List<RegistryLogEntry>();
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, end).Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize<RegistryLogEntry>(line)
                    ?? throw new InvalidDataException("null entry"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"The registry log {path} is corrupt at line {lineNumber}: {ex.Message}", ex);
            }
        }

        return entries;
    }
}
