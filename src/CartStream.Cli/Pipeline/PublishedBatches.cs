using CartStream.Transform.Follow;
using CartStream.Transform.Quality;

namespace CartStream.Cli.Pipeline;

/// <summary>The transform batches this process published, kept for the run summary.</summary>
internal sealed class PublishedBatches
{
    private readonly List<QualityReport> _reports = [];

    /// <summary>The follower's callback after each published batch.</summary>
    public ValueTask OnPublishedAsync(TransformBatchPublished batch, CancellationToken cancellationToken)
    {
        lock (_reports)
        {
            _reports.Add(batch.Report);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A copy of the reports so far.</summary>
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
}
