using System.CommandLine;
using CartStream.Cli.Commands;

var root = new RootCommand("CartStream: a real-time e-commerce data pipeline on one machine or on real cloud services.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
