using System.ComponentModel.DataAnnotations;

namespace CartStream.Monitoring.Logging;

/// <summary>Where and how much a process logs (configuration section <c>Monitoring:Logging</c>).</summary>
public sealed class LogFileOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Monitoring:Logging";

    /// <summary>The lowest level written to the JSON files.</summary>
    [EnumDataType(typeof(LogLevel))]
    public LogLevel FileLevel { get; set; } = LogLevel.Information;

    /// <summary>The lowest level written to the console (stderr).</summary>
    [EnumDataType(typeof(LogLevel))]
    public LogLevel ConsoleLevel { get; set; } = LogLevel.Information;

    /// <summary>Whether the readable console log is written at all (off for processes whose stderr nobody reads).</summary>
    public bool Console { get; set; } = true;

    /// <summary>A file rolls over to a new one past this size, besides rolling every day.</summary>
    [Range(1024, long.MaxValue)]
    public long FileSizeLimitBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How many files are kept per service; older ones are deleted.</summary>
    [Range(1, 10_000)]
    public int RetainedFileCount { get; set; } = 14;
}
