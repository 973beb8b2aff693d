using System.ComponentModel.DataAnnotations;
using CartStream.Events.Avro;

namespace CartStream.Lake.Sink;

/// <summary>When the sink closes a partition's file and how it writes it.</summary>
public sealed class PartitionFileWriterOptions
{
    /// <summary>Close the file once it holds this many records (good and dead-letter together). Deterministic.</summary>
    [Range(1, 10_000_000)]
    public int MaxRecords { get; set; } = 100_000;

    /// <summary>
    /// Close the file before a record whose record time falls in another interval (intervals are aligned on
    /// the Unix epoch, so hourly files start on the hour). Null: no record-time rotation. Deterministic.
    /// </summary>
    public TimeSpan? RecordTimeInterval { get; set; }

    /// <summary>
    /// Close the file once it has been open this long by the wall clock, so that low traffic still lands within
    /// about this time. Not deterministic: exactly-once then rests on the recovery in <see cref="PartitionRecovery"/>.
    /// </summary>
    public TimeSpan MaxFileAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Close the file once its buffered records take this many bytes: the per-partition memory bound.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBufferedBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Use the time-based layout (<c>year=/month=/day=/hour=</c>) instead of <c>partition=</c> folders.</summary>
    public bool TimeBasedLayout { get; set; }

    /// <summary>Block compression of the Avro container files.</summary>
    public AvroCodec Codec { get; set; } = AvroCodec.Snappy;
}
