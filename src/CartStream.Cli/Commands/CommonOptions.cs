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


}
