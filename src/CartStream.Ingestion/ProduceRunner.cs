using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Generator;
using CartStream.Generator.Labels;
using CartStream.Generator.Rate;
using Confluent.SchemaRegistry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Ingestion;

/// <summary>
/// <c>cartstream produce</c>: the generator's events, encoded in the Confluent Avro wire format, through an
/// idempotent producer into the events topic, resuming exactly where a killed run of the same stream stopped.
/// </summary>
public sealed class ProduceRunner
{
    private const int BatchSize = 2048;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private readonly IConfiguration _configuration;
    private readonly IngestionOptions _options;
    private readonly ILogger _logger;

    /// <summary>A runner with Kafka settings from <paramref name="configuration"/> (see <see cref="KafkaClientSettings"/>).</summary>
    public ProduceRunner(IConfiguration configuration, IngestionOptions options, ILogger logger)
    {
        _configuration = configuration;
        _options = options;
        _logger = logger;
    }

    /// <summary>Produces until the event count or the duration is reached (or until stopped), then waits for every delivery report.</summary>
    public async Task<ProduceResult> RunAsync(ProduceRunOptions run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Events is null && run.Duration is null && !run.UntilStopped)
        {
            throw new ArgumentException("Give an event count, a duration, or both (or ask to run until stopped).", nameof(run));
        }

        var stopwatch = Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds);
        var topic = _options.Topic;
        var producerConfig = KafkaClientSettings.Producer(_configuration);
        var partitions = await TopicPreparer.EnsureTopicAsync(KafkaClientSettings.Admin(_configuration), topic, _options.Partitions, timeout, _logger);
        var schemaId = await RegisterSchemaAsync(topic);
        var seed = run.Generator.Seed;
        var resume = ResumePointReader.Read(
            KafkaClientSettings.Consumer(_configuration, "cartstream-producer-resume"), topic, partitions, seed, timeout, _logger);
        var state = ProducerRunState.LoadOrCreate(run.RunStatePath, seed, run.Generator.DirtyRatio, DateTime.UtcNow);
        Log.Starting(_logger, topic, partitions, producerConfig.BootstrapServers, schemaId);
        if (resume.HighestSequence >= 0)
        {
            Log.Resuming(_logger, resume.HighestSequence);
        }

        var clock = PrepareGenerator(run, state);
        var generator = new SalesEventGenerator(run.Generator);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (run.Duration is { } duration)
        {
            deadline.CancelAfter(duration);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(run.LabelsPath))!);
        using var labels = LabelWriter.Create(run.LabelsPath);
        using var producer = new EventProducer(producerConfig, topic, _logger);
        var pacer = new RatePacer(run.Rate);
        var record = new GeneratedRecord();
        var encoded = new ArrayBufferWriter<byte>(1024);
        var target = run.Events ?? long.MaxValue;
        var nextProgress = ProgressInterval;
        var streamingStarted = stopwatch.Elapsed;
        while (generator.Generated < target && !deadline.IsCancellationRequested)
        {
            int batch;
            try
            {
                batch = await pacer.NextBatchAsync((int)Math.Min(BatchSize, target - generator.Generated), deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            for (var sent = 0; sent < batch && generator.Generated < target;)
            {
                clock?.MoveTo(generator.Generated);
                generator.Next(record);
                var payload = Payload(record, schemaId, encoded);
                labels.Write(record, payload);
                var key = record.Event.OrderId is { } orderId ? Encoding.UTF8.GetBytes(orderId) : null;
                var partition = key is null
                    ? (int)(record.Sequence % partitions)
                    : KafkaKeyPartitioner.Partition(key, partitions);
                if (resume.AlreadySent(partition, record.Sequence))
                {
                    producer.CountSkipped();
                    continue;
                }

                producer.Send(partition, seed, record.Sequence, key, payload, DateTime.UtcNow);
                sent++;
            }

            if (run.Progress is not null && stopwatch.Elapsed >= nextProgress)
            {
                nextProgress = stopwatch.Elapsed + ProgressInterval;
                var counters = producer.Counters;
                run.Progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"produce: {generator.Generated:N0} generated, {counters.Acknowledged:N0} acknowledged, {counters.Failed:N0} failed, {counters.Acknowledged / stopwatch.Elapsed.TotalSeconds:N0} events/s"));
            }
        }

        labels.Flush();

        // Every delivery report is awaited even after Ctrl-C: a message handed to the client is either
        // acknowledged or counted as failed before the run ends.
        producer.Drain(CancellationToken.None);
        var c = producer.Counters;
        return new ProduceResult(
            generator.Generated, c.Produced, c.Acknowledged, c.Failed, c.Skipped, labels.Count, stopwatch.Elapsed, stopwatch.Elapsed - streamingStarted);
    }

    private static ScheduledEventClock? PrepareGenerator(ProduceRunOptions run, ProducerRunState state)
    {
        run.Generator.AllowNotAvro = true;
        run.Generator.FutureAnchorUtc = state.FutureAnchorUtc;
        if (run.Generator.SimulatedStartUtc is not null)
        {
            return null;
        }

        if (run.Rate.Kind == RateKind.Max)
        {
            throw new ArgumentException("At max rate event times follow the simulated clock: set the generator's simulated start.", nameof(run));
        }

        var clock = new ScheduledEventClock(state.StartedUtc, run.Rate.EventsPerSecond);
        run.Generator.TimeProvider = clock;
        return clock;
    }

    private static byte[] Payload(GeneratedRecord record, int schemaId, ArrayBufferWriter<byte> encoded)
    {
        if (record.NotAvroPayload is { } raw)
        {
            return raw;
        }

        encoded.ResetWrittenCount();
        ConfluentWireFormat.WriteHeader(encoded, schemaId);
        SalesEventCodec.Write(record.Event, encoded);
        return encoded.WrittenSpan.ToArray();
    }

    private async Task<int> RegisterSchemaAsync(string topic)
    {
        var subject = $"{topic}-value";
        var config = KafkaClientSettings.SchemaRegistry(_configuration, _options.SchemaRegistryUrl);
        config.RequestTimeoutMs = _options.ConnectTimeoutSeconds * 1000;
        using var registry = new CachedSchemaRegistryClient(config);
        try
        {
            return await registry.RegisterSchemaAsync(subject, new Schema(SalesEventSchema.Json, SchemaType.Avro));
        }
        catch (Exception e) when (e is SchemaRegistryException or HttpRequestException or TaskCanceledException)
        {
            throw new IngestionException(
                $"Cannot register the event schema under '{subject}' at the schema registry {_options.SchemaRegistryUrl}: {e.Message}",
                isTransient: e is not SchemaRegistryException,
                e);
        }
    }
}
