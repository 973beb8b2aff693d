using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;
using CartStream.Cli.Hosting;
using CartStream.Registry;

namespace CartStream.Cli.Commands;

/// <summary><c>cartstream registry</c>: runs the embedded schema registry until Ctrl+C.</summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "The pipeline's data folder; the registry stores its log under <data-dir>/registry.",
            DefaultValueFactory = _ => "data",
        };
        var port = new Option<int>("--port")
        {
            Description = "The TCP port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => SchemaRegistryOptions.DefaultPort,
        };
        var metricsUrls = CommonOptions.MetricsUrls();
        var command = new Command("registry", "Run the embedded schema registry (Confluent Schema Registry REST API, Avro, BACKWARD by default).")
        {
            dataDir,
            port,
            metricsUrls,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new SchemaRegistryOptions
            {
                DataDirectory = parseResult.GetRequiredValue(dataDir),
                Port = parseResult.GetRequiredValue(port),
            };
            await using var monitoring = await ProcessMonitoring.StartAsync(
                CliConfiguration.Build(), new DataDirectory(options.DataDirectory), "cartstream-registry", cancellationToken,
                metricsUrls: parseResult.GetValue(metricsUrls), status: parseResult.InvocationConfiguration.Error);
            var loggerFactory = monitoring.Logging;
            SchemaRegistryServer? started = null;
            try
            {
                started = new SchemaRegistryServer(options, loggerFactory);
                await started.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or ValidationException)
            {
                // A bad option, a port taken or storage held by another registry: a message, not a stack trace.
                parseResult.InvocationConfiguration.Error.WriteLine($"cartstream registry: {ex.Message}");
                if (started is not null)
                {
                    await started.DisposeAsync();
                }

                return 1;
            }

            await using var server = started;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine($"Schema registry listening on {server.Url} (storing under {Path.GetFullPath(options.StorageDirectory)}). Ctrl+C stops it.");
            output.Flush();

            // Ctrl+C and SIGTERM are the normal ways to stop a foreground server: stop cleanly and exit 0.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn(stop));
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn(stop));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            await server.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    private static Action<PosixSignalContext> StopOn(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true;
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The same signal also cancelled the command's own token, and the command finished first: nothing left to stop.
        }
    };
}
