using System.Diagnostics;
using System.Globalization;
using CartStream.Events.Avro;
using CartStream.Ingestion;
using CartStream.Ingestion.Statistics;
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
/// announce the files, commit the Kafka offset. Records go into the writers synchronously; a closed batch is
/// written on the thread pool while the loop keeps consuming into the next one (at most one batch in flight per
/// partition, so each partition's batches still land in offset order). The state record, not the Kafka commit, is where a partition
/// resumes (<see cref="PartitionRecovery"/> on every assignment), so a lost commit costs nothing. Records it
/// cannot land (no value, wrong magic byte, unknown schema id, not an Avro schema) go to dead-letter files with
/// the reason. While the object store or the registry is unreachable it retries with backoff and commits nothing.
/// Memory: the writers together hold at most <see cref="LakeSinkOptions.MemoryBudgetBytes"/> (plus one record),
/// batches being written included; over it, the loop waits for writes in flight and publishes the largest batch early.
/// </remarks>
public sealed partial class LakeSink : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DueCheckInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The Kafka client's prefetch queue and the largest fetch response, each, unless configured.</summary>
    internal const int PrefetchBytes = 16 * 1024 * 1024;

    // Batches written at the same time: each holds its encoded file in memory, and two keep both cores busy.
    private const int MaxConcurrentWrites = 2;

    // Records taken from the client's queue per pass before the loop looks at finished writes and due batches.
    private const int MaxRecordsPerPass = 5000;
    private readonly IObjectStore _store;
    private readonly IConfiguration _configuration;
    private readonly LakeSinkOptions _options;
    private readonly PartitionFileWriterOptions _writerOptions;
    private readonly IFileLandedNotifier? _notifier;
    private readonly ILogger _logger;
    private readonly WriterSchemaResolver _schemas;
    private readonly Dictionary<int, PartitionFileWriter> _writers = [];
    private readonly Dictionary<PartitionFileWriter, Task<PublishedBatch>> _writing = [];
    private readonly SemaphoreSlim _writeSlots = new(MaxConcurrentWrites);
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private CancellationToken _handlerToken;
    private long _buffered;
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
    public void Dispose()
    {
        _schemas.Dispose();
        _writeSlots.Dispose();
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        var config = KafkaClientSettings.Consumer(_configuration, _options.GroupId);
        // The sink reads one topic and no headers: not copying them into every result saves about a fifth of the
        // client's cost per record (docs/benchmarks.md).
        config.ConsumeResultFields = "timestamp";
        // The client's prefetch is the part of the sink's memory that otherwise grows with the partition count
        // (each fetch brings up to max.partition.fetch.bytes per partition): bounded here unless configured.
        SetUnlessConfigured(config, "queued.max.messages.kbytes", (PrefetchBytes / 1024).ToString(CultureInfo.InvariantCulture));
        SetUnlessConfigured(config, "fetch.max.bytes", PrefetchBytes.ToString(CultureInfo.InvariantCulture));
        // With a full prefetch queue librdkafka postpones a partition's next fetch by this much (default 1 s), so a
        // sink that keeps the queue full would read one queue-full per second: 16 MiB/s, ~130k events/s.
        SetUnlessConfigured(config, "fetch.queue.backoff.ms", "10");
        KafkaClientMetrics.EnableStatistics(config);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler(KafkaLogBridge.To(_logger))
            .SetStatisticsHandler((_, json) => KafkaClientMetrics.Record(json))
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler(OnLost)
            .Build();
        _consumer = consumer;
        // Read now: the handle's name is gone once the drain has closed the consumer.
        var clientName = consumer.Name;
        _handlerToken = cancellationToken;
        Log.Started(_logger, _options.Topic, _options.GroupId, _store.Location);
        consumer.Subscribe(_options.Topic);
        LakeSinkMetrics.Track(this);
        var sinceDueCheck = Stopwatch.StartNew();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Wait for the first record, then take what the client has already fetched without waiting.
                var result = Consume(consumer, PollTimeout);
                var idle = result is null;
                for (var taken = 0; result is not null; result = ++taken < MaxRecordsPerPass ? Consume(consumer, TimeSpan.Zero) : null)
                {
                    if (result is { IsPartitionEOF: false, Message: not null })
                    {
                        await HandleAsync(result, cancellationToken);
                    }
                }

                await CompleteFinishedWritesAsync(cancellationToken);
                if (idle || sinceDueCheck.Elapsed >= DueCheckInterval)
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
            StopObservingLag();
            KafkaClientMetrics.Forget(clientName);
            Log.Stopped(_logger, RecordsLanded, FilesPublished);
        }
    }

    private void SetUnlessConfigured(ConsumerConfig config, string key, string value)
    {
        if (_configuration[$"{KafkaClientSettings.ConsumerSection}:{key}"] is null && _configuration[$"{KafkaClientSettings.CommonSection}:{key}"] is null)
        {
            config.Set(key, value);
        }
    }

    private ConsumeResult<byte[]?, byte[]?>? Consume(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
    {
        try
        {
            return consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            Log.ConsumeFailed(_logger, e.Error.Reason);
            return null;
        }
        catch (ConsumeException e)
        {
            Log.ConsumeFatal(_logger, e.Error.Reason);
            throw;
        }
    }

    /// <summary>
    /// Puts one record into its partition's writer. Synchronous unless the schema id is new, the open batch must
    /// be closed first, or the memory budget is exceeded.
    /// </summary>
    private ValueTask HandleAsync(ConsumeResult<byte[]?, byte[]?> result, CancellationToken cancellationToken)
    {
        var partition = result.Partition.Value;
        if (!_writers.TryGetValue(partition, out var writer))
        {
            // A record of a partition revoked within the same poll: its next owner reads it again.
            return ValueTask.CompletedTask;
        }

        var value = result.Message.Value;
        if (value is null)
        {
            return AppendDeadLetterAsync(writer, result, "no value (a tombstone or an empty message)", cancellationToken);
        }

        var status = ConfluentWireFormat.TryRead(value.AsMemory(), out var schemaId, out var body);
        if (status != ConfluentWireFormatStatus.Ok)
        {
            return AppendDeadLetterAsync(writer, result, ConfluentWireFormat.Describe(status), cancellationToken);
        }

        if (!_schemas.TryGetCached(schemaId, out var schema, out var reason))
        {
            return ResolveThenAppendAsync(writer, result, schemaId, body, cancellationToken);
        }

        return schema is null
            ? AppendDeadLetterAsync(writer, result, reason!, cancellationToken)
            : AppendAsync(writer, result, schema, body, cancellationToken);
    }

    private async ValueTask ResolveThenAppendAsync(
        PartitionFileWriter writer, ConsumeResult<byte[]?, byte[]?> result, int schemaId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (schema, reason) = await RetryAsync("Resolving a schema id", () => _schemas.ResolveAsync(schemaId, cancellationToken).AsTask(), cancellationToken);
        await (schema is null
            ? AppendDeadLetterAsync(writer, result, reason!, cancellationToken)
            : AppendAsync(writer, result, schema, body, cancellationToken));
    }

    private ValueTask AppendAsync(
        PartitionFileWriter writer, ConsumeResult<byte[]?, byte[]?> result, WriterSchema schema, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var offset = result.Offset.Value;
        var timestamp = result.Message.Timestamp.UtcDateTime;
        if (writer.TryAppend(offset, timestamp, schema, body.Span))
        {
            return Appended(body.Length, cancellationToken);
        }

        return SealThenAppendAsync(writer, w => w.TryAppend(offset, timestamp, schema, body.Span), cancellationToken);
    }

    private ValueTask AppendDeadLetterAsync(PartitionFileWriter writer, ConsumeResult<byte[]?, byte[]?> result, string reason, CancellationToken cancellationToken)
    {
        var offset = result.Offset.Value;
        var timestamp = result.Message.Timestamp.UtcDateTime;
        Log.DeadLetter(_logger, _options.Topic, writer.Partition, offset, reason);
        // Explicit: a null array converts to an empty (not a missing) ReadOnlyMemory, and null must stay null.
        var key = result.Message.Key is { } k ? new ReadOnlyMemory<byte>(k) : (ReadOnlyMemory<byte>?)null;
        var raw = result.Message.Value is { } v ? new ReadOnlyMemory<byte>(v) : (ReadOnlyMemory<byte>?)null;
        var before = writer.OpenBytes;
        if (writer.TryAppendDeadLetter(offset, timestamp, key, raw, reason))
        {
            return Appended(writer.OpenBytes - before, cancellationToken);
        }

        return SealThenAppendAsync(writer, w => w.TryAppendDeadLetter(offset, timestamp, key, raw, reason), cancellationToken);
    }

    private async ValueTask SealThenAppendAsync(PartitionFileWriter writer, Func<PartitionFileWriter, bool> append, CancellationToken cancellationToken)
    {
        await SealAndWriteAsync(writer, cancellationToken);
        var before = writer.OpenBytes;
        if (!append(writer))
        {
            throw new InvalidOperationException($"{writer.Topic}/{writer.Partition}: a record did not fit an empty batch.");
        }

        await Appended(writer.OpenBytes - before, cancellationToken);
    }

    private ValueTask Appended(long bytes, CancellationToken cancellationToken)
    {
        _buffered += bytes;
        return _buffered > _options.MemoryBudgetBytes ? EnforceBudgetAsync(cancellationToken) : ValueTask.CompletedTask;
    }
}
