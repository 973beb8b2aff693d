using System.CommandLine;
using CartStream.Events;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream schema</c>: prints the event contract this build writes.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the Avro schema of the sales event this build writes.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Output.WriteLine(SalesEventSchema.Json);
            return 0;
        });
        return command;
    }
}
