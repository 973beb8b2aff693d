namespace CartStream.Registry;

/// <summary>
/// A host lifetime that leaves signals alone: the registry runs inside another program (the CLI, the pipeline,
/// a test), which decides when it stops. The default console lifetime would take over Ctrl+C from that program.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
