using System.Globalization;
using CartStream.Lake.Storage;
using Confluent.Kafka;
using Confluent.SchemaRegistry;

namespace CartStream.Lake.Sink;

/// <summary>Partition assignment, revocation and the retry policy of the sink.</summary>
public sealed partial class LakeSink
{
    // librdkafka calls these on the consuming thread, inside Consume, so they may use the writers freely.
    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        var offsets = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var tp in partitions)
        {
            var partition = tp.Partition.Value;
            var recovery = RetryAsync(
                "Recovering a partition",
                () => PartitionRecovery.RecoverAsync(_store, _options.Topic, partition, _options.TimeBasedLayout, _handlerToken),
                _handlerToken).GetAwaiter().GetResult();

            // The lake's state record is the only truth about progress: with none, land the partition from its start.
            var next = recovery.NextOffset;
            _writers[partition] = new PartitionFileWriter(_store, _options.Topic, partition, _writerOptions, next ?? 0);
            if (_notifier is not null && recovery.LastBatch is { } last)
            {
                // A crash between the state record and the announcements loses them, so the last recorded batch is
                // announced again on every assignment: at least once; readers skip files they have processed.
                AnnounceAsync(last).GetAwaiter().GetResult();
            }

            offsets.Add(new TopicPartitionOffset(tp, next is { } n ? new Offset(n) : Offset.Beginning));
            Log.Assigned(_logger, _options.Topic, partition, next?.ToString(CultureInfo.InvariantCulture) ?? "beginning", recovery.AdoptedFiles.Count, recovery.DeletedFiles.Count);
        }

        return offsets;
    }

    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        foreach (var tp in partitions)
        {
            if (!_writers.Remove(tp.Partition.Value, out var writer))
            {
                continue;
            }

            try
            {
                PublishAllAsync(writer, retry: false, _handlerToken).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is ObjectStoreException or OperationCanceledException)
            {
                Log.RevokePublishFailed(_logger, writer.Topic, writer.Partition, e.Message);
                writer.Discard();
            }

            Log.Revoked(_logger, _options.Topic, tp.Partition.Value);
        }

        Recount();
    }

    private void OnLost(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> partitions)
    {
        // Another member may own these already: publishing now could race it, so drop the batch; it is re-read.
        foreach (var tp in partitions)
        {
            if (_writers.Remove(tp.Partition.Value, out var writer))
            {
                if (_writing.Remove(writer, out var write))
                {
                    // Already under way; it cannot be called back, only kept from being committed.
                    try
                    {
                        write.GetAwaiter().GetResult();
                    }
                    catch (Exception e) when (e is ObjectStoreException or OperationCanceledException)
                    {
                        Log.RevokePublishFailed(_logger, writer.Topic, writer.Partition, e.Message);
                    }
                }

                writer.Discard();
            }
        }

        Recount();
    }

    private async Task<T> RetryAsync<T>(string operation, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var failures = 0;
        while (true)
        {
            try
            {
                var result = await action();
                if (failures > 0)
                {
                    Log.Recovered(_logger, operation, failures);
                }

                return result;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                failures++;
                LakeSinkMetrics.Retries.Add(1);
                Log.Retrying(_logger, operation, delay, e.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryBackoff.Ticks));
            }
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ObjectStoreException store => store.IsTransient,
        HttpRequestException or SchemaRegistryException => true,
        // An HTTP client's own timeout, not the caller's cancellation.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
