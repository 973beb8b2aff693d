using System.Threading.Channels;
using CartStream.Ingestion;
using CartStream.Lake.Sink;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Transform.Follow;

/// <summary>
/// Reads the sink's announcements (<see cref="KafkaFileLandedNotifier"/>'s JSON) from the files topic as a member of
/// the followers' consumer group, so that each announcement reaches one follower.
/// </summary>
/// <remarks>
/// Offsets are committed as announcements are handed on (librdkafka's auto-commit), not when their files are done:
/// an announcement is only a trigger, and a follower that crashes after the commit finds the file by its catch-up
/// listing on restart. Reaches Kafka through <see cref="KafkaClientSettings.Consumer"/>, so every librdkafka setting
/// under <c>Kafka:Common</c> / <c>Kafka:Consumer</c> applies.
/// </remarks>
public sealed class FileLandedConsumer
{
    private readonly ConsumerConfig _config;
    private readonly string _topic;
    private readonly ILogger _logger;
    private int _assignedPartitions;

    /// <summary>A consumer of <see cref="TransformFollowOptions.FilesTopic"/> in <see cref="TransformFollowOptions.GroupId"/>.</summary>
    public FileLandedConsumer(IConfiguration configuration, TransformFollowOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        _config = KafkaClientSettings.Consumer(configuration, options.GroupId);
        _config.EnableAutoCommit = true;
        _config.AutoCommitIntervalMs = 1000;
        // The sink produces announcements idempotently but not in transactions: nothing to wait for.
        _config.IsolationLevel = IsolationLevel.ReadUncommitted;
        // The sink creates the topic with its first announcement; a follower started first must not wait for a metadata refresh.
        _config.AllowAutoCreateTopics = true;
        _topic = options.FilesTopic;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many partitions of the files topic this member holds now: 0 until its group has settled.</summary>
    public int AssignedPartitions => Volatile.Read(ref _assignedPartitions);

    /// <summary>Writes every announcement to <paramref name="output"/> until stopped; completes <paramref name="output"/> when done.</summary>
    public Task RunAsync(ChannelWriter<FileLanded> output, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Consume blocks: it gets a thread of its own rather than one of the pool's.
        return Task.Factory.StartNew(() => Run(output, stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(ChannelWriter<FileLanded> output, CancellationToken stoppingToken)
    {
        Exception? failure = null;
        using var consumer = new ConsumerBuilder<string?, byte[]?>(_config)
            .SetErrorHandler((_, error) => Log.FilesTopicError(_logger, error.Code.ToString(), error.Reason))
            // Added and subtracted rather than set: under the cooperative strategy each call carries only the change.
            .SetPartitionsAssignedHandler((_, partitions) => Interlocked.Add(ref _assignedPartitions, partitions.Count))
            .SetPartitionsRevokedHandler((_, partitions) => Interlocked.Add(ref _assignedPartitions, -partitions.Count))
            .SetPartitionsLostHandler((_, _) => Volatile.Write(ref _assignedPartitions, 0))
            .Build();
        try
        {
            consumer.Subscribe(_topic);
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string?, byte[]?>? result;
                try
                {
                    result = consumer.Consume(TimeSpan.FromMilliseconds(250));
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    Log.FilesTopicError(_logger, e.Error.Code.ToString(), e.Error.Reason);
                    continue;
                }

                if (result?.Message?.Value is not { } value)
                {
                    continue;
                }

                FileLanded? landed = null;
                try
                {
                    landed = KafkaFileLandedNotifier.Parse(value);
                }
                catch (System.Text.Json.JsonException e)
                {
                    Log.AnnouncementUnreadable(_logger, result.TopicPartitionOffset.ToString(), e.Message);
                }

                if (landed?.Key is { Length: > 0 })
                {
                    while (!output.TryWrite(landed))
                    {
                        if (!output.WaitToWriteAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
                        {
                            return;
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while the follower is not reading.
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            try
            {
                consumer.Close();
            }
            catch (KafkaException e)
            {
                Log.FilesTopicError(_logger, e.Error.Code.ToString(), e.Error.Reason);
            }

            output.TryComplete(failure);
        }
    }
}
