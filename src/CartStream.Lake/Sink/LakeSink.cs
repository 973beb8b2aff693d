using System.Diagnostics;
using CartStream.Events.Avro;
using CartStream.Ingestion;
using CartStream.Lake.Storage;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Lake.Sink;

/// <summary>
/// The lake sink: a Kafka consumer group member that lands every record of the events topic in the lake exactly
/// once, one <see cref="PartitionFileWriter"/> per assigned partition.
/// </summary>
/// <remarks>
/// Per batch the order is: publish the files, record the partition's end offset under <c>_state/sink/</c>,
/// announce the files, commit the Kafka offset. The state record, not the Kafka commit, is where a partition
/// resumes (<see cref="PartitionRecovery"/> on every assignment), so a lost commit costs nothing. Records it
/// cannot land (no value, wrong magic byte, unknown schema id, not an Avro schema) go to dead-letter files with
/// the reason. While the object store or the registry is unreachable it retries with backoff and commits nothing.
/// Memory: the writers together hold at most <see cref="LakeSinkOptions.MemoryBudgetBytes"/> (plus one record);
/// over it, the largest batch is published early.
/// </remarks>
public sealed partial class LakeSink : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DueCheckInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(10);
    private readonly IObjectStore _store;
    private readonly IConfiguration _configuration;
    private readonly LakeSinkOptions _options;
    private readonly PartitionFileWriterOptions _writerOptions;
    private readonly IFileLandedNotifier? _notifier;
    private readonly ILogger _logger;
    private readonly WriterSchemaResolver _schemas;
    private readonly Dictionary<int, PartitionFileWriter> _writers = [];
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private CancellationToken _handlerToken;
    private long _bufferedEstimate;
    private long _recordsLanded;
    private long _filesPublished;

    /// <summary>A sink writing to <paramref name="store"/>, with Kafka client settings from <paramref name="configuration"/> (<c>Kafka:Common</c>, <c>Kafka:Consumer</c>).</summary>
    public LakeSink(IObjectStore store, IConfiguration configuration, LakeSinkOptions options, IFileLandedNotifier? notifier, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _configuration = configuration;
        _options = options;
        _writerOptions = options.ToWriterOptions();
        _notifier = notifier;
        _logger = logger;
        _schemas = new WriterSchemaResolver(KafkaClientSettings.SchemaRegistry(configuration, options.SchemaRegistryUrl));
    }

    /// <summary>Records (good and dead-letter) published by this run.</summary>
    public long RecordsLanded => Interlocked.Read(ref _recordsLanded);

    /// <summary>Files published by this run.</summary>
    public long FilesPublished => Interlocked.Read(ref _filesPublished);

    /// <summary>
    /// Consumes until <paramref name="cancellationToken"/> is cancelled, then drains: publishes what it holds,
    /// records the state, commits and leaves the group. Throws <see cref="KafkaException"/> on a fatal consumer error.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => RunLoopAsync(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <inheritdoc />
    public void Dispose() => _schemas.Dispose();

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        var config = KafkaClientSettings.Consumer(_configuration, _options.GroupId);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler(KafkaLogBridge.To(_logger))
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler(OnLost)
            .Build();
        _consumer = consumer;
        _handlerToken = cancellationToken;
        Log.Started(_logger, _options.Topic, _options.GroupId, _store.Location);
        consumer.Subscribe(_options.Topic);
        var sinceDueCheck = Stopwatch.StartNew();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]?>? result;
                try
                {
                    result = consumer.Consume(PollTimeout);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    Log.ConsumeFailed(_logger, e.Error.Reason);
                    continue;
                }
                catch (ConsumeException e)
                {
                    Log.ConsumeFatal(_logger, e.Error.Reason);
                    throw;
                }

                if (result is { IsPartitionEOF: false, Message: not null })
                {
                    await HandleAsync(result, cancellationToken);
                }

                if (result is null || sinceDueCheck.Elapsed >= DueCheckInterval)
                {
                    await PublishDueAsync(cancellationToken);
                    sinceDueCheck.Restart();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await DrainAsync();
            Log.Stopped(_logger, RecordsLanded, FilesPublished);
        }
    }

    private async Task HandleAsync(ConsumeResult<byte[]?, byte[]?> result, CancellationToken cancellationToken)
    {
        var partition = result.Partition.Value;
        if (!_writers.TryGetValue(partition, out var writer))
        {
            // A record of a partition revoked within the same poll: its next owner reads it again.
            return;
        }

        var offset = result.Offset.Value;
        var timestamp = result.Message.Timestamp.UtcDateTime;
        var value = result.Message.Value;
        var reason = value is null ? "no value (a tombstone or an empty message)" : null;
        WriterSchema? schema = null;
        ReadOnlyMemory<byte> body = default;
        if (value is not null)
        {
            var status = ConfluentWireFormat.TryRead(value.AsMemory(), out var schemaId, out body);
            if (status != ConfluentWireFormatStatus.Ok)
            {
                reason = ConfluentWireFormat.Describe(status);
            }
            else
            {
                (schema, reason) = await RetryAsync("Resolving a schema id", () => _schemas.ResolveAsync(schemaId, cancellationToken).AsTask(), cancellationToken);
            }
        }

        var bufferedBefore = writer.BufferedBytes;
        PublishedBatch? published;
        if (schema is not null)
        {
            published = await RetryAsync("Publishing", () => writer.AppendAsync(offset, timestamp, schema, body, cancellationToken), cancellationToken);
        }
        else
        {
            Log.DeadLetter(_logger, _options.Topic, partition, offset, reason!);
            // Explicit: a null array converts to an empty (not a missing) ReadOnlyMemory, and null must stay null.
            var key = result.Message.Key is { } k ? new ReadOnlyMemory<byte>(k) : (ReadOnlyMemory<byte>?)null;
            var raw = value is not null ? new ReadOnlyMemory<byte>(value) : (ReadOnlyMemory<byte>?)null;
            published = await RetryAsync("Publishing", () => writer.AppendDeadLetterAsync(offset, timestamp, key, raw, reason!, cancellationToken), cancellationToken);
        }

        if (published is not null)
        {
            await OnPublishedAsync(published, cancellationToken);
        }

        // Exact when the record joined the open batch; after a rotation the published bytes are not subtracted,
        // so the estimate only errs high and the budget check runs early, never late.
        _bufferedEstimate += published is null ? writer.BufferedBytes - bufferedBefore : writer.BufferedBytes;
        if (_bufferedEstimate > _options.MemoryBudgetBytes)
        {
            await EnforceBudgetAsync(cancellationToken);
        }
    }

    private async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        foreach (var writer in _writers.Values.Where(w => w.IsDue).ToList())
        {
            if (await RetryAsync("Publishing", () => writer.PublishIfDueAsync(cancellationToken), cancellationToken) is { } batch)
            {
                await OnPublishedAsync(batch, cancellationToken);
            }
        }
    }

    /// <summary>Publishes the largest batches until the writers together hold no more than the budget.</summary>
    private async Task EnforceBudgetAsync(CancellationToken cancellationToken)
    {
        var total = _writers.Values.Sum(w => w.BufferedBytes);
        while (total > _options.MemoryBudgetBytes)
        {
            var largest = _writers.Values.MaxBy(w => w.BufferedBytes)!;
            total -= largest.BufferedBytes;
            if (await RetryAsync("Publishing", () => largest.PublishAsync(cancellationToken), cancellationToken) is { } batch)
            {
                await OnPublishedAsync(batch, cancellationToken);
            }
        }

        _bufferedEstimate = total;
    }

    private async Task OnPublishedAsync(PublishedBatch batch, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _recordsLanded, batch.RecordCount);
        Interlocked.Add(ref _filesPublished, batch.Files.Count);
        LakeSinkMetrics.Records.Add(batch.RecordCount);
        LakeSinkMetrics.Files.Add(batch.Files.Count);
        LakeSinkMetrics.DeadLetters.Add(batch.Files.Where(f => f.IsDeadLetter).Sum(f => f.RecordCount));
        Log.Published(_logger, batch.Topic, batch.Partition, batch.StartOffset, batch.EndOffset, batch.RecordCount, batch.Files.Count);
        if (_notifier is not null)
        {
            await AnnounceAsync(batch);
        }

        Commit(batch);
    }

    private async Task AnnounceAsync(PublishedBatch batch)
    {
        // The state record already says these files exist, so their announcements are owed even when a stop was
        // asked for meanwhile: they get a deadline of their own instead of the stop signal.
        using var deadline = new CancellationTokenSource(NotifyTimeout);
        foreach (var file in FileLanded.Of(batch))
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
                if (await RetryAsync("Publishing on shutdown", () => writer.PublishAsync(drain.Token), drain.Token) is { } batch)
                {
                    await OnPublishedAsync(batch, drain.Token);
                }
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
