using System.CommandLine;

namespace CartStream.Cli.Commands;

/// <summary>Every subcommand of <c>cartstream</c>, in pipeline order.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return SchemaCommand.Create();
        yield return GenerateCommand.Create();
        yield return BrokerCommand.Create();
        yield return RegistryCommand.Create();
        yield return ProduceCommand.Create();
        yield return SinkCommand.Create();
        yield return TransformCommand.Create();
        yield return LoadCommand.Create();
        yield return ServeCommand.Create();
        yield return DemoCommand.Create();
        yield return RunCommand.Create();
        yield return VerifyCommand.Create();
        yield return CleanupCommand.Create();
    }
}
