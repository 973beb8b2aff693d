using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace CartStream.Monitoring.Alerts;

/// <summary>Where alert emails go (configuration section <c>Monitoring:Smtp</c>); no host, no email.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Monitoring:Smtp";

    /// <summary>The SMTP server; empty disables alert emails.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port (587 submission with STARTTLS, 465 implicit TLS, 25 relay).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// TLS: <c>Auto</c> (MailKit picks from the port), <c>StartTls</c>, <c>StartTlsWhenAvailable</c>,
    /// <c>SslOnConnect</c>, or <c>None</c> (a local relay only).
    /// </summary>
    [EnumDataType(typeof(SecureSocketOptions))]
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>The account to authenticate as; empty: no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The account's password; give it through an environment variable (<c>Monitoring__Smtp__Password</c>), never in a file under version control.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    [Required(AllowEmptyStrings = false)]
    public string From { get; set; } = "cartstream-alerts@localhost";

    /// <summary>The recipients.</summary>
    public IList<string> To { get; } = [];

    /// <summary>How long one email may take to send before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a host and at least one recipient are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && To.Count > 0;
}
