using System.ComponentModel.DataAnnotations;
using CartStream.Events.Avro;

namespace CartStream.Lake.Sink;

/// <summary>What the lake sink reads, how it rotates files and how much memory it may hold; bound from <c>Lake:Sink</c>.</summary>
public sealed class LakeSinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Lake:Sink";

    /// <summary>The events topic to land.</summary>
    [Required(ErrorMessage = "Lake:Sink:Topic is required.")]
    [RegularExpression("^[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,248}$", ErrorMessage = "Lake:Sink:Topic must be a Kafka topic name not starting with '.'.")]
    public string Topic { get; set; } = "sales-events";

    /// <summary>The consumer group; every sink process of one lake uses the same.</summary>
    [Required(ErrorMessage = "Lake:Sink:GroupId is required.")]
    public string GroupId { get; set; } = "cartstream-lake-sink";

    /// <summary>The schema registry the writer schemas are resolved from by id.</summary>
    [Required(ErrorMessage = "Lake:Sink:SchemaRegistryUrl is required.")]
    [Url(ErrorMessage = "Lake:Sink:SchemaRegistryUrl must be an absolute http(s) URL.")]
    public string SchemaRegistryUrl { get; set; } = "http://127.0.0.1:8081";

    /// <summary>Block compression of the Avro container files.</summary>
    public AvroCodec Codec { get; set; } = AvroCodec.Snappy;

    /// <summary>Close a file once it holds this many records. Deterministic.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Lake:Sink:MaxRecordsPerFile must be between 1 and 10000000.")]
    public int MaxRecordsPerFile { get; set; } = 100_000;

    /// <summary>Close a file before a record whose record time falls in another interval (for example 01:00:00). Empty: off.</summary>
    public TimeSpan? RecordTimeInterval { get; set; }

    /// <summary>Close a file once it has been open this long by the wall clock, so low traffic still lands.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Lake:Sink:MaxFileAge must be between 50 ms and one hour.")]
    public TimeSpan MaxFileAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Close a file once its buffered records take this many bytes.</summary>
    [Range(1024, 1L << 30, ErrorMessage = "Lake:Sink:MaxFileBytes must be between 1 KiB and 1 GiB.")]
    public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The most bytes of records all partition writers together may hold: over it, the largest batch is published
    /// early. See docs/lake.md for the whole process's bound.
    /// </summary>
    [Range(1024, 16L << 30, ErrorMessage = "Lake:Sink:MemoryBudgetBytes must be between 1 KiB and 16 GiB.")]
    public long MemoryBudgetBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Use the time-based layout (<c>year=/month=/day=/hour=</c>) instead of <c>partition=</c> folders.</summary>
    public bool TimeBasedLayout { get; set; }

    /// <summary>The Kafka topic published files are announced on; empty for no announcements on Kafka.</summary>
    public string? FilesTopic { get; set; } = "cartstream.lake.files";

    /// <summary>The longest wait between retries while the object store is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Lake:Sink:MaxRetryBackoff must be between 10 ms and 10 minutes.")]
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The partition writers' settings these options describe.</summary>
    public PartitionFileWriterOptions ToWriterOptions() => new()
    {
        MaxRecords = MaxRecordsPerFile,
        RecordTimeInterval = RecordTimeInterval,
        MaxFileAge = MaxFileAge,
        MaxBufferedBytes = MaxFileBytes,
        TimeBasedLayout = TimeBasedLayout,
        Codec = Codec,
    };
}
