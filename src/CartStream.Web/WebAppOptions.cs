using System.ComponentModel.DataAnnotations;

namespace CartStream.Web;

/// <summary>How the dashboards run; bound from <c>Web</c>.</summary>
public sealed class WebAppOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Web";

    /// <summary>The default address: loopback only, so a laptop does not publish its sales to the network.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where Kestrel listens (semicolon-separated); ignored when a host maps the app onto its own builder.</summary>
    [Required(ErrorMessage = "Web:Urls is required.")]
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The folder holding the ECS log files the operations page reads (<c>&lt;data-dir&gt;/logs</c>).</summary>
    public string? LogDirectory { get; set; }

    /// <summary>How often the pages poll for fresh numbers.</summary>
    [Range(1, 3600, ErrorMessage = "Web:RefreshSeconds must be between 1 and 3600.")]
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>Warehouse query connections opened at most (each answers one query at a time).</summary>
    [Range(1, 64, ErrorMessage = "Web:MaxQueryConnections must be between 1 and 64.")]
    public int MaxQueryConnections { get; set; } = 2;

    /// <summary>How often the operations sampler reads the process's instruments.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Web:SampleInterval must be between 100 ms and 1 hour.")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the dimension values (countries, categories, channels) and the data's date range are cached.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Web:CatalogCacheDuration must be between 0 and 1 hour.")]
    public TimeSpan CatalogCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a query answer is kept for the same question and filters, as long as no load has committed since
    /// (every request checks); zero turns the cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Web:ResponseCacheDuration must be between 0 and 1 hour.")]
    public TimeSpan ResponseCacheDuration { get; set; } = TimeSpan.FromSeconds(60);
}
