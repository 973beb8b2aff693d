using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartStream.Lake;
using CartStream.Lake.Storage;

namespace CartStream.Retention;

/// <summary>
/// What retention deleted, under <c>_state/retention/ledger/</c>: one JSON-lines object per chunk of deletions,
/// written before any file of the chunk is deleted. A crash between the two leaves files that are both present and
/// in the ledger; readers count a present file from the file and ignore its ledger line.
/// </summary>
public static class RetentionLedger
{
    /// <summary>Where the ledger objects live.</summary>
    public static readonly string Prefix = LakeLayout.StatePrefix("retention") + "ledger/";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The key of chunk <paramref name="chunk"/> of the run started at <paramref name="runStarted"/>; keys sort by run.</summary>
    public static string ChunkKey(DateTimeOffset runStarted, string runId, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{runStarted.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{runId}-{chunk:D5}.jsonl");

    /// <summary>Writes one chunk of entries as one object.</summary>
    public static async Task WriteAsync(IObjectStore store, string key, IEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(JsonSerializer.Serialize(entry, Json)).Append('\n');
        }

        await store.PutAsync(key, Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
    }

    /// <summary>Every file the ledger records as deleted, once per key (a file deleted again after a crash keeps its latest line).</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> ReadAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var byKey = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await foreach (var chunk in store.ListAsync(Prefix, cancellationToken))
        {
            var text = Encoding.UTF8.GetString(await store.ReadAllBytesAsync(chunk.Key, cancellationToken));
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = JsonSerializer.Deserialize<LedgerEntry>(line, Json)
                    ?? throw new InvalidDataException($"{chunk.Key} holds an empty ledger line.");
                byKey[entry.Key] = entry;
            }
        }

        return [.. byKey.Values.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }
}
