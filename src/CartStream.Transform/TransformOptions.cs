using System.ComponentModel.DataAnnotations;

namespace CartStream.Transform;

/// <summary>How the transform batches, de-duplicates and claims work; bound from <c>Transform</c>.</summary>
public sealed class TransformOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Transform";

    /// <summary>Most raw files one batch (one set of output parts) takes: fewer, larger Parquet files.</summary>
    [Range(1, 100_000, ErrorMessage = "Transform:MaxFilesPerBatch must be between 1 and 100000.")]
    public int MaxFilesPerBatch { get; set; } = 256;

    /// <summary>Most raw bytes one batch takes; a batch holds its rows in memory (about 10x the Avro size).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024, ErrorMessage = "Transform:MaxBytesPerBatch must be between 1 KiB and 4 GiB.")]
    public long MaxBytesPerBatch { get; set; } = 128L * 1024 * 1024;

    /// <summary>Most event ids the dedup index keeps per Kafka partition (about 60 bytes each in memory).</summary>
    [Range(1, 100_000_000, ErrorMessage = "Transform:DedupCapacityPerPartition must be between 1 and 100000000.")]
    public int DedupCapacityPerPartition { get; set; } = 1_000_000;

    /// <summary>How far behind the newest event time seen an id is still remembered.</summary>
    public TimeSpan DedupHorizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a claim on a raw file holds before another worker may take the file over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Names this worker in claims; unique per process by default.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
