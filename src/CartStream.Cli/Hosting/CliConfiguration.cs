using Microsoft.Extensions.Configuration;

namespace CartStream.Cli.Hosting;

/// <summary>
/// Configuration for every command, later sources winning: built-in defaults, <c>cartstream.json</c> in the
/// working folder (or the file in <c>CARTSTREAM_CONFIG</c>), then environment variables prefixed
/// <c>CARTSTREAM_</c> with <c>__</c> between levels (e.g. <c>CARTSTREAM_Kafka__Common__bootstrap.servers</c>).
/// </summary>
public static class CliConfiguration
{
    /// <summary>Prefix of the environment variables that override configuration.</summary>
    public const string EnvironmentPrefix = "CARTSTREAM_";

    /// <summary>Builds the configuration; <paramref name="overrides"/> are what command-line options set, and win over all.</summary>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var file = Environment.GetEnvironmentVariable("CARTSTREAM_CONFIG") ?? Path.Combine(Environment.CurrentDirectory, "cartstream.json");
        return new ConfigurationBuilder()
            .AddJsonFile(file, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }
}
