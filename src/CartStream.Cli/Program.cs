using System.CommandLine;
using CartStream.Cli.Commands;

var root = new RootCommand("CartStream: a real-time e-commerce data pipeline on one machine or on real cloud services.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
try
{
    // Ctrl-C asks a command to stop: stages drain (the sink publishes what it holds, the transform takes every
    // file landed), which can take longer than the library's default 2 s before it gives up on the command.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
}
catch (OperationCanceledException)
{
    // Ctrl-C or SIGTERM during a command that does not handle it itself: the conventional exit code.
    return 130;
}
catch (Exception e)
{
    // A user sees what went wrong in one line; the stack trace is for CARTSTREAM_DEBUG=1.
    var name = parsed.CommandResult.Command.Name;
    Console.Error.WriteLine($"cartstream {name}: {e.Message}");
    if (Environment.GetEnvironmentVariable("CARTSTREAM_DEBUG") == "1")
    {
        Console.Error.WriteLine(e);
    }

    return 1;
}
