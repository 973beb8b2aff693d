using System.CommandLine;
using CartStream.Cli.Hosting;

namespace CartStream.Cli.Commands;

/// <summary>Options several commands share, with one wording.</summary>
internal static class CommonOptions
{
    public static Option<string> DataDir() => new("--data-dir")
    {
        Description = "The data directory: broker/, registry/, lake/, warehouse/, generator/, logs/ live under it.",
        HelpName = "D",
        DefaultValueFactory = _ => DataDirectory.DefaultPath,
    };

    public static Option<string?> BootstrapServers() => new("--bootstrap-servers")
    {
        Description = "Kafka bootstrap servers (host:port,...). Overrides Kafka:Common:bootstrap.servers from configuration.",
        HelpName = "HOST:PORT",
    };

    /// <summary>Opt-in Prometheus endpoint of a long-running command; off unless given.</summary>
    public static Option<string?> MetricsUrls() => new("--metrics-urls")
    {
        Description = "Serve this process's metrics for Prometheus at URL/metrics (for example http://127.0.0.1:9464; port 0 picks a free one, " +
            "printed on stderr). Loopback unless you say otherwise: the endpoint has no authentication. Default: no endpoint.",
        HelpName = "URL",
    };

}
