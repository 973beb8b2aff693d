using System.ComponentModel.DataAnnotations;

namespace CartStream.Cli.Pipeline;

/// <summary>Settings of the one-process pipeline (<c>run</c>, <c>demo</c>), section <c>Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>Port of the embedded broker on 127.0.0.1; 0 picks a free one (printed at start).</summary>
    [Range(0, 65535)]
    public int BrokerPort { get; set; }

    /// <summary>Port of the embedded schema registry on 127.0.0.1; 0 picks a free one (printed at start).</summary>
    [Range(0, 65535)]
    public int RegistryPort { get; set; }

    /// <summary>A bounded run gives up (exit code 2) when no stage has made progress for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the run checks progress and completion.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
