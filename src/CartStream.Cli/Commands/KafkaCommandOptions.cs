using System.CommandLine;
using CartStream.Cli.Hosting;
using CartStream.Ingestion;
using Microsoft.Extensions.Configuration;

namespace CartStream.Cli.Commands;

/// <summary>
/// The options of a command that talks to Kafka and the schema registry (<c>produce</c>, <c>sink</c>), and the
/// configuration they override: the bootstrap servers, and the component's own registry URL and topic.
/// </summary>
internal sealed class KafkaCommandOptions
{
    private readonly string _section;

    /// <summary>Options overriding <c>SchemaRegistryUrl</c> and <c>Topic</c> in the component's <paramref name="section"/>.</summary>
    public KafkaCommandOptions(string section)
    {
        _section = section;
        Topic = new Option<string?>("--topic")
        {
            Description = $"The events topic. Overrides {section}:Topic from configuration (default sales-events).",
            HelpName = "NAME",
        };
        RegistryUrl = new Option<string?>("--registry-url")
        {
            Description = $"Schema registry URL. Overrides {section}:SchemaRegistryUrl from configuration.",
            HelpName = "URL",
        };
    }

    public Option<string> DataDir { get; } = CommonOptions.DataDir();

    public Option<string?> BootstrapServers { get; } = CommonOptions.BootstrapServers();

    public Option<string?> RegistryUrl { get; }

    public Option<string?> Topic { get; }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(DataDir);
        command.Options.Add(BootstrapServers);
        command.Options.Add(RegistryUrl);
        command.Options.Add(Topic);
    }

    /// <summary>Configuration from file and environment, with what the command line set winning.</summary>
    public IConfigurationRoot Configuration(ParseResult parse) => CliConfiguration.Build(new Dictionary<string, string?>
    {
        [$"{KafkaClientSettings.CommonSection}:bootstrap.servers"] = parse.GetValue(BootstrapServers),
        [$"{_section}:SchemaRegistryUrl"] = parse.GetValue(RegistryUrl),
        [$"{_section}:Topic"] = parse.GetValue(Topic),
    }.Where(kv => kv.Value is not null).ToDictionary());
}
