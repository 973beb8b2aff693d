using System.ComponentModel.DataAnnotations;

namespace CartStream.Transform.Follow;

/// <summary>How the transform follows the sink's announcements; bound from <c>Transform:Follow</c>.</summary>
public sealed class TransformFollowOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Transform:Follow";

    /// <summary>The Kafka topic the sink announces published files on.</summary>
    [Required(ErrorMessage = "Transform:Follow:FilesTopic is required.")]
    public string FilesTopic { get; set; } = "cartstream.lake.files";

    /// <summary>The consumer group of the followers of one lake: the announcements are shared out among its members.</summary>
    [Required(ErrorMessage = "Transform:Follow:GroupId is required.")]
    public string GroupId { get; set; } = "cartstream-transform";

    /// <summary>
    /// How long announcements are gathered after the first one before the batch starts: files landing close together
    /// (a sink batch's raw and dead-letter file, several partitions) become one set of Parquet parts.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Transform:Follow:BatchDelay must be between 0 and 1 minute.")]
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the lake is listed for files whose announcement was lost.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00", ErrorMessage = "Transform:Follow:ListingInterval must be between 100 ms and 1 day.")]
    public TimeSpan ListingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old a file must be before the periodic listing takes it: younger files are left to their announcement, so
    /// that the listing of one follower does not race another follower for files the group already assigned to it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Transform:Follow:ListingGrace must be between 0 and 1 day.")]
    public TimeSpan ListingGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stop waits for the batch in progress to be published and checkpointed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Transform:Follow:DrainTimeout must be between 1 second and 1 hour.")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
