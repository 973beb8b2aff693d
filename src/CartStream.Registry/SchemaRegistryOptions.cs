using System.ComponentModel.DataAnnotations;
using CartStream.Registry.Compatibility;

namespace CartStream.Registry;

/// <summary>Settings of the embedded schema registry (configuration section <c>SchemaRegistry</c>).</summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "SchemaRegistry";

    /// <summary>The port used when none is configured: unusual, so it does not meet a real registry's 8081.</summary>
    public const int DefaultPort = 58081;

    /// <summary>The pipeline's data folder; the registry keeps its log in its <c>registry</c> subfolder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The address to listen on; loopback by default, since the registry has no authentication.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 lets the system pick a free one (see <see cref="SchemaRegistryServer.Url"/>).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>The global compatibility level until a client sets another with <c>PUT /config</c>.</summary>
    [EnumDataType(typeof(CompatibilityLevel))]
    public CompatibilityLevel DefaultCompatibility { get; set; } = CompatibilityLevel.Backward;

    /// <summary>The folder holding the registry's log: <c>DataDirectory/registry</c>.</summary>
    public string StorageDirectory => Path.Combine(DataDirectory, "registry");
}
