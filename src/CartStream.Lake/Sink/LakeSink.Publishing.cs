using CartStream.Lake.Storage;
using Confluent.Kafka;

namespace CartStream.Lake.Sink;

/// <summary>Closing batches, writing them beside the consume loop, the memory budget, announcing and committing.</summary>
public sealed partial class LakeSink
{
    /// <summary>Seals the writer's open batch and starts writing it on the thread pool, after the previous one landed.</summary>
    private async ValueTask SealAndWriteAsync(PartitionFileWriter writer, CancellationToken cancellationToken)
    {
        if (writer.HasSealed)
        {
            await FinishWriteAsync(writer, cancellationToken);
        }

        if (writer.Seal())
        {
            _writing[writer] = Task.Run(() => WriteInSlotAsync(writer, cancellationToken), CancellationToken.None);
        }
    }

    private async Task<PublishedBatch> WriteInSlotAsync(PartitionFileWriter writer, CancellationToken cancellationToken)
    {
        await _writeSlots.WaitAsync(cancellationToken);
        try
        {
            return await RetryAsync("Publishing", () => writer.WriteSealedAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            _writeSlots.Release();
        }
    }

    /// <summary>Waits for the writer's batch in flight (or writes a batch left sealed), then announces and commits it.</summary>
    private async ValueTask FinishWriteAsync(PartitionFileWriter writer, CancellationToken cancellationToken)
    {
        if (!_writing.Remove(writer, out var write))
        {
            if (!writer.HasSealed)
            {
                return;
            }

            write = RetryAsync("Publishing", () => writer.WriteSealedAsync(cancellationToken), cancellationToken);
        }

        // On failure the batch stays sealed: a later publish (the drain's, at the latest) writes the same keys again.
        var batch = await write;
        writer.CompleteSealed();
        Recount();
        await OnPublishedAsync(batch);
    }

    private async ValueTask CompleteFinishedWritesAsync(CancellationToken cancellationToken)
    {
        if (_writing.Count == 0)
        {
            return;
        }

        foreach (var writer in _writing.Where(w => w.Value.IsCompleted).Select(w => w.Key).ToList())
        {
            await FinishWriteAsync(writer, cancellationToken);
        }
    }

    private async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        // A due writer whose previous batch is still being written waits for the next check instead of stalling the loop.
        foreach (var writer in _writers.Values.Where(w => w.IsDue && !_writing.ContainsKey(w)).ToList())
        {
            await SealAndWriteAsync(writer, cancellationToken);
        }
    }

    /// <summary>
    /// Until the writers together hold no more than the budget (batches being written included): waits for the
    /// writes in flight, then seals and writes the largest open batch.
    /// </summary>
    private async ValueTask EnforceBudgetAsync(CancellationToken cancellationToken)
    {
        Recount();
        while (_buffered > _options.MemoryBudgetBytes)
        {
            if (_writing.Count > 0)
            {
                var finished = await Task.WhenAny(_writing.Values);
                await FinishWriteAsync(_writing.First(w => w.Value == finished).Key, cancellationToken);
                continue;
            }

            await SealAndWriteAsync(_writers.Values.MaxBy(w => w.OpenBytes)!, cancellationToken);
        }
    }

    /// <summary>Sets the running total to the writers' exact sum; cheap, and called only when batches close.</summary>
    private void Recount()
    {
        long total = 0;
        foreach (var writer in _writers.Values)
        {
            total += writer.BufferedBytes;
        }

        _buffered = total;
    }

    /// <summary>Waits for the writer's batch in flight, then publishes what it still holds; no retries when <paramref name="retry"/> is false.</summary>
    private async Task PublishAllAsync(PartitionFileWriter writer, bool retry, CancellationToken cancellationToken)
    {
        if (_writing.Remove(writer, out var write))
        {
            try
            {
                var batch = await write;
                writer.CompleteSealed();
                await OnPublishedAsync(batch);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectStoreException)
            {
                // Still sealed: written again just below.
            }
        }

        while (!writer.IsEmpty)
        {
            var batch = retry
                ? await RetryAsync("Publishing", () => writer.PublishAsync(cancellationToken), cancellationToken)
                : await writer.PublishAsync(cancellationToken);
            if (batch is not null)
            {
                await OnPublishedAsync(batch);
            }
        }
    }

    private async Task OnPublishedAsync(PublishedBatch batch)
    {
        Interlocked.Add(ref _recordsLanded, batch.RecordCount);
        Interlocked.Add(ref _filesPublished, batch.Files.Count);
        LakeSinkMetrics.Records.Add(batch.RecordCount);
        LakeSinkMetrics.Files.Add(batch.Files.Count);
        LakeSinkMetrics.DeadLetters.Add(batch.Files.Where(f => f.IsDeadLetter).Sum(f => f.RecordCount));
        Log.Published(_logger, batch.Topic, batch.Partition, batch.StartOffset, batch.EndOffset, batch.RecordCount, batch.Files.Count);
        if (_notifier is not null)
        {
            await AnnounceAsync(FileLanded.Of(batch));
        }

        Commit(batch);
    }

    private async Task AnnounceAsync(IEnumerable<FileLanded> files)
    {
        // The state record already says these files exist, so their announcements are owed even when a stop was
        // asked for meanwhile: they get a deadline of their own instead of the stop signal.
        using var deadline = new CancellationTokenSource(NotifyTimeout);
        foreach (var file in files)
        {
            try
            {
                await _notifier!.NotifyAsync(file, deadline.Token);
            }
            catch (Exception e) when (e is KafkaException or InvalidOperationException or OperationCanceledException)
            {
                Log.NotifyFailed(_logger, file.Key, e.Message);
            }
        }
    }

    private void Commit(PublishedBatch batch)
    {
        try
        {
            _consumer!.Commit([new TopicPartitionOffset(batch.Topic, batch.Partition, batch.EndOffset + 1)]);
        }
        catch (KafkaException e)
        {
            Log.CommitFailed(_logger, e.Error.Reason);
        }
    }

    private async Task DrainAsync()
    {
        // Ctrl-C means "stop soon", not "stop now": give the store a while to take what is buffered.
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _handlerToken = drain.Token;
        foreach (var writer in _writers.Values.ToList())
        {
            try
            {
                await PublishAllAsync(writer, retry: true, drain.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectStoreException)
            {
                // Not committed and not recorded: the next run reads these offsets again.
                Log.RevokePublishFailed(_logger, writer.Topic, writer.Partition, e.Message);
                writer.Discard();
            }
        }

        try
        {
            _consumer?.Close();
        }
        catch (KafkaException e)
        {
            Log.CommitFailed(_logger, e.Error.Reason);
        }
    }
}
