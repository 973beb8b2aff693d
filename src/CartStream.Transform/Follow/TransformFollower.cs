using System.Threading.Channels;
using CartStream.Events.Reference;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Transform.Output;
using CartStream.Transform.Quality;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Transform.Follow;

/// <summary>
/// The transform as a long-running worker: reacts to the sink's <see cref="FileLanded"/> announcements, gathers files
/// that land close together into one batch, transforms and checkpoints them with <see cref="TransformRunner"/>, and
/// lists the lake every <see cref="TransformFollowOptions.ListingInterval"/> for files whose announcement was lost.
/// </summary>
/// <remarks>
/// Announcements are a trigger, never the record of work: the lake and the transform's done markers are. So a
/// follower starts with a full catch-up listing, a lost or repeated announcement costs at most one listing interval
/// or one done-marker check, and several followers on one lake are kept apart by the runner's claims.
/// </remarks>
public sealed class TransformFollower
{
    private readonly TransformRunner _runner;
    private readonly TransformFollowOptions _follow;
    private readonly int _maxFilesPerBatch;
    private readonly Func<TransformBatchPublished, CancellationToken, ValueTask>? _onPublished;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _batches;
    private long _records;

    /// <summary>A follower over <paramref name="store"/>.</summary>
    /// <param name="store">The lake.</param>
    /// <param name="options">Batch sizes, dedup bounds and claims, as for the batch command.</param>
    /// <param name="follow">Batch delay, listing interval and drain timeout.</param>
    /// <param name="onPublished">
    /// Called after each batch is published and checkpointed (the warehouse loader's trigger); awaited before the
    /// next batch starts. An exception it throws is logged and the follower carries on: the batch is in the lake.
    /// </param>
    /// <param name="reference">Reference data; the built-in one by default.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The log.</param>
    public TransformFollower(
        IObjectStore store,
        TransformOptions options,
        TransformFollowOptions follow,
        Func<TransformBatchPublished, CancellationToken, ValueTask>? onPublished = null,
        ReferenceData? reference = null,
        TimeProvider? time = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(follow);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _runner = new TransformRunner(store, options, reference, _time, _logger);
        _follow = follow;
        _maxFilesPerBatch = options.MaxFilesPerBatch;
        _onPublished = onPublished;
    }

    /// <summary>Batches published since the follower started.</summary>
    public long BatchesPublished => Interlocked.Read(ref _batches);

    /// <summary>Records transformed since the follower started.</summary>
    public long RecordsProcessed => Interlocked.Read(ref _records);

    /// <summary>
    /// Follows <paramref name="announcements"/> until <paramref name="stoppingToken"/> is cancelled or the channel is
    /// completed. A stop lets the batch in progress (and announcements already gathered) finish, for at most
    /// <see cref="TransformFollowOptions.DrainTimeout"/>; a completed channel (the sink stopped) ends with one last
    /// full listing, so nothing the sink published is left behind.
    /// </summary>
    public async Task RunAsync(ChannelReader<FileLanded> announcements, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(announcements);
        using var drain = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => drain.CancelAfter(_follow.DrainTimeout));
        var work = drain.Token;

        Log.FollowStarted(_logger, _follow.BatchDelay, _follow.ListingInterval);
        await ListAsync(landedBefore: null, work);
        var nextListing = _time.GetUtcNow() + _follow.ListingInterval;
        var open = true;
        var keys = new List<string>();
        while (!stoppingToken.IsCancellationRequested)
        {
            open = open ? await WaitForAnnouncementAsync(announcements, nextListing - _time.GetUtcNow(), stoppingToken)
                : await DelayAsync(nextListing - _time.GetUtcNow(), stoppingToken);
            if (open && announcements.TryRead(out var first))
            {
                keys.Add(first.Key);
                open = await GatherAsync(announcements, keys, stoppingToken);
                await ProcessAsync(keys, work);
                keys.Clear();
            }

            if (!open || _time.GetUtcNow() >= nextListing)
            {
                // Files younger than the grace are left to their announcements (see ListingGrace); once the
                // announcements have ended, everything is taken.
                await ListAsync(open ? _time.GetUtcNow() - _follow.ListingGrace : null, work);
                nextListing = _time.GetUtcNow() + _follow.ListingInterval;
                if (!open)
                {
                    break;
                }
            }
        }

        Log.FollowStopped(_logger, BatchesPublished, RecordsProcessed);
    }

    /// <summary>
    /// Follows the Kafka files topic through <paramref name="consumer"/> (see <see cref="RunAsync(ChannelReader{FileLanded}, CancellationToken)"/>),
    /// leaving the consumer group when stopped.
    /// </summary>
    public async Task RunAsync(FileLandedConsumer consumer, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var channel = Channel.CreateBounded<FileLanded>(new BoundedChannelOptions(10_000) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var consuming = consumer.RunAsync(channel.Writer, stop.Token);
        try
        {
            await RunAsync(channel.Reader, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await consuming;
        }
    }

    /// <summary>Waits for an announcement, the listing time or the stop; false when the channel is completed.</summary>
    private static async Task<bool> WaitForAnnouncementAsync(ChannelReader<FileLanded> announcements, TimeSpan timeout, CancellationToken stoppingToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return !announcements.Completion.IsCompleted;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            return await announcements.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        if (timeout > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(timeout, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loop's condition ends it.
            }
        }

        return false;
    }

    /// <summary>Adds announcements arriving within the batch delay, up to a batch's worth; false when the channel completed.</summary>
    private async Task<bool> GatherAsync(ChannelReader<FileLanded> announcements, List<string> keys, CancellationToken stoppingToken)
    {
        var until = _time.GetUtcNow() + _follow.BatchDelay;
        while (keys.Count < _maxFilesPerBatch)
        {
            if (announcements.TryRead(out var next))
            {
                keys.Add(next.Key);
                continue;
            }

            var remaining = until - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero || stoppingToken.IsCancellationRequested)
            {
                return true;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(remaining);
            try
            {
                if (!await announcements.WaitToReadAsync(wait.Token))
                {
                    return false;
                }
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        }

        return true;
    }

    private Task ProcessAsync(List<string> keys, CancellationToken cancellationToken) =>
        RunGuardedAsync(() => _runner.ProcessFilesAsync(keys, cancellationToken), cancellationToken);

    private Task ListAsync(DateTimeOffset? landedBefore, CancellationToken cancellationToken) =>
        RunGuardedAsync(() => _runner.RunOnceAsync(landedBefore, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs one step and announces its batches. A failure (store unreachable) is logged and the follower goes on:
    /// the files stay pending and a later announcement or listing takes them again.
    /// </summary>
    private async Task RunGuardedAsync(Func<Task<IReadOnlyList<QualityReport>>> step, CancellationToken cancellationToken)
    {
        IReadOnlyList<QualityReport> reports;
        try
        {
            reports = await step();
        }
        catch (Exception e) when (e is ObjectStoreException or IOException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.StepFailed(_logger, e);
            TransformMetrics.StageErrors.Add(1, new KeyValuePair<string, object?>("stage", "transform"));
            return;
        }

        foreach (var report in reports)
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _records, report.Records);
            if (_onPublished is null)
            {
                continue;
            }

            try
            {
                await _onPublished(new TransformBatchPublished(BatchPublisher.ReportKey(report.BatchId), report.OutputFiles, report), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.PublishedCallbackFailed(_logger, report.BatchId, e);
                TransformMetrics.StageErrors.Add(1, new KeyValuePair<string, object?>("stage", "transform"));
            }
        }
    }
}
