using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartStream.Ingestion;

/// <summary>
/// What makes a produced stream reproducible after a crash: its seed and dirty ratio, and the wall-clock instants
/// its event times were derived from. Saved once, before the first message, in <c>generator/run.json</c>.
/// </summary>
/// <param name="Seed">Generator seed; also the stream id in every message's headers.</param>
/// <param name="DirtyRatio">Share of dirty records.</param>
/// <param name="StartedUtc">When the stream started: event time of sequence 0 under a limited rate.</param>
/// <param name="FutureAnchorUtc">Instant future-dated defects are measured from.</param>
public sealed record ProducerRunState(
    [property: JsonPropertyName("seed")] long Seed,
    [property: JsonPropertyName("dirty_ratio")] double DirtyRatio,
    [property: JsonPropertyName("started_utc")] DateTime StartedUtc,
    [property: JsonPropertyName("future_anchor_utc")] DateTime FutureAnchorUtc)
{
    /// <summary>
    /// The saved state when it is for the same seed and dirty ratio; a new one, saved atomically, when there is none.
    /// A saved state for another stream is an error: its labels and this stream's would be mixed up.
    /// </summary>
    public static ProducerRunState LoadOrCreate(string path, long seed, double dirtyRatio, DateTime nowUtc)
    {
        if (File.Exists(path))
        {
            var saved = JsonSerializer.Deserialize<ProducerRunState>(File.ReadAllText(path))
                ?? throw new IngestionException($"{path} is empty.", isTransient: false);
            if (saved.Seed != seed || Math.Abs(saved.DirtyRatio - dirtyRatio) > 1e-12)
            {
                throw new IngestionException(
                    $"{path} belongs to a stream with seed {saved.Seed} and dirty ratio {saved.DirtyRatio}; this run asks for seed {seed} " +
                    $"and dirty ratio {dirtyRatio}. Use the same settings to resume it, or another data directory.",
                    isTransient: false);
            }

            return saved;
        }

        var started = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var state = new ProducerRunState(seed, dirtyRatio, started, started.Date.AddDays(1));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(state));
        File.Move(temp, path, overwrite: true);
        return state;
    }
}
