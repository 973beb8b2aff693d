using CartStream.Lake;

namespace CartStream.Transform.Batch;

/// <summary>The transform's keys under <c>_state/transform/</c>.</summary>
internal static class TransformState
{
    public static readonly string Prefix = LakeLayout.StatePrefix("transform");

    /// <summary>Checkpoint: one marker per raw file processed (or quarantined), naming the batch that took it.</summary>
    public static readonly string DonePrefix = Prefix + "done/";

    /// <summary>Claims: one object per raw file being processed, created atomically by the worker that takes it.</summary>
    public static readonly string ClaimPrefix = Prefix + "claims/";

    /// <summary>Batch manifests: the files of a batch in progress, so a crashed batch is redone with the same files.</summary>
    public static readonly string BatchPrefix = Prefix + "batches/";

    /// <summary>Dedup indexes, one per source partition folder.</summary>
    public static readonly string DedupPrefix = Prefix + "dedup/";

    /// <summary>Where a corrupt raw file is copied, unchanged, for inspection.</summary>
    public const string QuarantinePrefix = "quarantine/";

    public static string DoneKey(string rawKey) => DonePrefix + rawKey + ".json";

    public static string ClaimKey(string rawKey) => ClaimPrefix + rawKey + ".json";

    public static string BatchKey(string partId) => BatchPrefix + partId + ".json";

    /// <summary>The dedup index of the partition folder a raw file is in (<c>topics/t/partition=0</c>).</summary>
    public static string DedupKey(string rawKey) => DedupPrefix + rawKey[..rawKey.LastIndexOf('/')] + ".bin";
}
