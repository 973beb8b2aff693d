using System.Threading.Channels;
using CartStream.Lake.Sink;
using CartStream.Transform;
using CartStream.Transform.Quality;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// The transform inside the one-process pipeline: each time the sink announces files, it catches up on every
/// file not yet checkpointed (the announcement is the trigger, the lake listing the record, so a lost
/// announcement only delays a file until the next one). Runs until the announcements end, then catches up once more.
/// </summary>
internal sealed class TransformStage(TransformRunner runner, ChannelReader<FileLanded> announcements)
{
    private readonly List<QualityReport> _reports = [];
    private long _records;

    /// <summary>Records transformed by this process so far.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>The quality reports of the batches this process published.</summary>
    public IReadOnlyList<QualityReport> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Raised after each batch is published, with its quality report.</summary>
    public event Action<QualityReport>? BatchPublished;

    /// <summary>Reacts to announcements until the channel completes; <paramref name="cancellationToken"/> aborts at once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        while (await announcements.WaitToReadAsync(cancellationToken))
        {
            // Everything announced meanwhile joins this round: one listing serves many files.
            while (announcements.TryRead(out _))
            {
            }

            await CatchUpAsync(cancellationToken);
        }

        await CatchUpAsync(cancellationToken);
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var report in await runner.RunOnceAsync(cancellationToken))
        {
            lock (_reports)
            {
                _reports.Add(report);
            }

            Interlocked.Add(ref _records, report.Records);
            BatchPublished?.Invoke(report);
        }
    }
}
