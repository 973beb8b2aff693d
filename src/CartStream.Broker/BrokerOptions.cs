using System.ComponentModel.DataAnnotations;

namespace CartStream.Broker;

/// <summary>Settings of the embedded broker, bound from the <c>Broker</c> configuration section.</summary>
public sealed class BrokerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Broker";

    /// <summary>Folder holding the partition logs, committed offsets and producer ids.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data/broker";

    /// <summary>Address the listener binds to.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; a fixed port lets clients reconnect after a restart. 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 9092;

    /// <summary>Host name advertised in metadata; defaults to <see cref="Host"/>.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Create a topic on first use (metadata or produce) with <see cref="DefaultPartitions"/>.</summary>
    public bool AutoCreateTopics { get; set; } = true;

    /// <summary>Partition count of auto-created topics and of CreateTopics requests that leave it to the broker.</summary>
    [Range(1, 10_000)]
    public int DefaultPartitions { get; set; } = 1;

    /// <summary>
    /// Force every append to disk (fsync) before acknowledging it. Off by default: appends reach the operating
    /// system before the acknowledgement, so a killed broker loses nothing; only a machine crash can lose the
    /// last <see cref="FlushIntervalMs"/>.
    /// </summary>
    public bool FlushEveryBatch { get; set; }

    /// <summary>How often written data is forced to disk when <see cref="FlushEveryBatch"/> is off.</summary>
    [Range(1, 3_600_000)]
    public int FlushIntervalMs { get; set; } = 1000;

    /// <summary>Size at which a partition rolls to a new segment file.</summary>
    [Range(1024, int.MaxValue)]
    public int SegmentBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>Log bytes between two entries of the sparse offset index.</summary>
    [Range(128, int.MaxValue)]
    public int IndexIntervalBytes { get; set; } = 4096;

    /// <summary>Delete segments whose newest record is older than this; -1 keeps everything.</summary>
    public long RetentionMs { get; set; } = -1;

    /// <summary>Delete the oldest segments while a partition is larger than this; -1 keeps everything.</summary>
    public long RetentionBytes { get; set; } = -1;

    /// <summary>Largest request accepted; a bigger size prefix closes the connection before reading the body.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Delay before the first rebalance of a new group, so members starting together share one generation.</summary>
    [Range(0, 60_000)]
    public int InitialRebalanceDelayMs { get; set; } = 300;
}
