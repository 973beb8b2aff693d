using CartStream.Ingestion.Statistics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CartStream.Ingestion;

/// <summary>
/// Sends ready-made messages to explicit partitions of one topic through an idempotent, acks=all producer,
/// counting every delivery report. A failed delivery is counted and logged, never dropped silently.
/// </summary>
public sealed class EventProducer : IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly string _topic;
    private readonly ILogger _logger;
    private readonly Action<DeliveryReport<byte[]?, byte[]>> _onDelivery;
    private readonly string _clientName;
    private volatile Error? _fatalError;

    /// <summary>Builds the producer. <paramref name="config"/> should come from <see cref="KafkaClientSettings.Producer"/>.</summary>
    public EventProducer(ProducerConfig config, string topic, ILogger logger)
    {
        // A gap inside a partition would break the resume rule (each partition holds a prefix of what was
        // sent to it), so any unrecoverable gap is raised as a fatal error instead of being skipped over.
        config.EnableGaplessGuarantee = true;

        // Delivery reports carry only the outcome: marshalling key, value and headers of every acknowledged
        // message back into .NET measured as a large share of the producer's CPU.
        config.DeliveryReportFields = "status";
        KafkaClientMetrics.EnableStatistics(config);
        _topic = topic;
        _logger = logger;
        _onDelivery = OnDelivery;
        _producer = new ProducerBuilder<byte[]?, byte[]>(config)
            .SetLogHandler(KafkaLogBridge.To(logger))
            .SetStatisticsHandler((_, json) => KafkaClientMetrics.Record(json))
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    _fatalError = error;
                    Log.FatalError(_logger, error.Code.ToString(), error.Reason);
                }
                else
                {
                    Log.ClientError(_logger, error.Code.ToString(), error.Reason);
                }
            })
            .Build();
        _clientName = _producer.Name;
    }

    /// <summary>Delivery counts so far.</summary>
    public DeliveryCounters Counters { get; } = new();

    /// <summary>
    /// Queues one message, waiting for room when the client's queue is full. Throws
    /// <see cref="IngestionException"/> once the producer has hit a fatal error.
    /// </summary>
    public void Send(int partition, long stream, long sequence, byte[]? key, byte[] value, DateTime timestampUtc)
    {
        var message = new Message<byte[]?, byte[]>
        {
            Key = key,
            Value = value,
            Timestamp = new Timestamp(timestampUtc, TimestampType.CreateTime),
            Headers = ProducerHeaders.Create(stream, sequence),
        };
        var target = new TopicPartition(_topic, partition);
        while (true)
        {
            ThrowIfFatal();
            try
            {
                _producer.Produce(target, message, _onDelivery);
                Counters.OnProduced();
                return;
            }
            catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Backpressure: serve delivery reports until the queue has room again.
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    /// <summary>Waits until every queued message is acknowledged or failed, or <paramref name="cancellationToken"/> fires.</summary>
    public void Drain(CancellationToken cancellationToken)
    {
        while (Counters.InFlight > 0 && _fatalError is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _producer.Flush(TimeSpan.FromMilliseconds(200));
        }

        Log.Finished(_logger, Counters.Produced, Counters.Acknowledged, Counters.Failed, Counters.Skipped);
        ThrowIfFatal();
    }

    /// <summary>Counts a regenerated event that was not sent again because its partition already holds it.</summary>
    public void CountSkipped() => Counters.OnSkipped();

    /// <inheritdoc />
    public void Dispose()
    {
        KafkaClientMetrics.Forget(_clientName);
        _producer.Dispose();
    }

    private void ThrowIfFatal()
    {
        if (_fatalError is { } error)
        {
            throw new IngestionException($"The Kafka producer hit a fatal error ({error.Code}): {error.Reason}", isTransient: false);
        }
    }

    private void OnDelivery(DeliveryReport<byte[]?, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Counters.OnFailed();
            Log.DeliveryFailed(_logger, _topic, report.Partition.Value, report.Error.Reason);
        }
        else
        {
            Counters.OnAcknowledged();
        }
    }
}
