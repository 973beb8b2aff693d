using System.Diagnostics;
using CartStream.Cli.Hosting;
using CartStream.Ingestion;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Transform;
using CartStream.Transform.Follow;
using CartStream.Warehouse;
using CartStream.Warehouse.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// Every stage in one process: embedded broker and schema registry, producer, lake sink, transform. A bounded
/// run ends when every record of the topic is a row of the model; an unbounded one (the demo) when stopped.
/// Stopping drains in pipeline order: the producer stops, the sink publishes what it holds, the transform
/// takes every file landed. State lives in the data directory, so a run started again resumes.
/// </summary>
internal sealed class PipelineRun(IConfiguration configuration, DataDirectory data, PipelineOptions options, ILoggerFactory logging, TextWriter status)
{
    private const string PipelineDuckDbMemoryLimit = "256MB";
    private const string PipelineTransformBatchBytes = "8388608";

    /// <summary>
    /// Started once the warehouse is open (the dashboards, for the demo), stopped after the stages drain: given the
    /// warehouse settings the stages use, it returns what to dispose at the end.
    /// </summary>
    public Func<WarehouseOptions, CancellationToken, Task<IAsyncDisposable>>? StartBeside { get; init; }

    /// <summary>Called with every progress check (every <see cref="PipelineOptions.CheckInterval"/>).</summary>
    public Action<PipelineSnapshot>? Progress { get; init; }

    /// <summary>Runs the pipeline for <paramref name="produce"/>; bounded when it names a number of events.</summary>
    public async Task<RunSummary> RunAsync(ProduceRunOptions produce, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var kafka = await EmbeddedKafka.StartAsync(data, options, logging, cancellationToken);
        var stages = kafka.Configure(configuration);
        var ingestion = OptionsLoader.Load<IngestionOptions>(stages, IngestionOptions.SectionName);
        var sinkOptions = OptionsLoader.Load<LakeSinkOptions>(stages, LakeSinkOptions.SectionName);
        // In one process the transform's batch is memory every other stage shares, and a smaller batch is queryable
        // sooner: 8 MiB of raw files per batch unless configuration says otherwise (docs/benchmarks.md: 32 MiB
        // batches took a 1M-event run to 1.2 GiB peak).
        var transformOptions = OptionsLoader.Load<TransformOptions>(
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"{TransformOptions.SectionName}:{nameof(TransformOptions.MaxBytesPerBatch)}"] = PipelineTransformBatchBytes })
                .AddConfiguration(stages)
                .Build(),
            TransformOptions.SectionName);
        var followOptions = OptionsLoader.Load<TransformFollowOptions>(stages, TransformFollowOptions.SectionName);
        using var store = LakeStore.Open(stages, data, logging);
        // Every stage shares one process and its memory: DuckDB gets a quarter of the 1 GiB the pipeline aims at,
        // unless configuration says otherwise.
        var memoryKey = $"{WarehouseOptions.SectionName}:{nameof(WarehouseOptions.DuckDbMemoryLimit)}";
        var warehouseConfiguration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [memoryKey] = PipelineDuckDbMemoryLimit })
            .AddConfiguration(WarehouseSettings.Apply(stages, data))
            .Build();
        var warehouseOptions = WarehouseSettings.Load(warehouseConfiguration);
        var announcements = new ChannelFileLandedNotifier();
        var eventTimes = new LandedEventTimes(announcements);
        await using var warehouse = new WarehouseStage(
            await WarehouseLoader.OpenAsync(store, warehouseOptions, logging.CreateLogger("CartStream.Warehouse"), cancellationToken), store, eventTimes);
        using var databaseSize = warehouseOptions.Backend == WarehouseBackend.DuckDb ? WarehouseFileMetrics.Track(warehouseOptions.DuckDbPath!) : null;
        await status.WriteLineAsync($"kafka {kafka.BootstrapServers}, schema registry {kafka.RegistryUrl}, lake {store.Location}, warehouse {Describe(warehouseOptions)}");

        // Batches the transform published before a crash but the warehouse never took.
        await warehouse.CatchUpAsync(cancellationToken);
        await using var beside = StartBeside is null ? null : await StartBeside(warehouseOptions, cancellationToken);

        // The topic exists before the sink subscribes, so the sink's first poll finds it.
        await TopicPreparer.EnsureTopicAsync(KafkaClientSettings.Admin(stages), ingestion.Topic, ingestion.Partitions, TimeSpan.FromSeconds(ingestion.ConnectTimeoutSeconds), logging.CreateLogger("CartStream.Ingestion"));
        using var sink = new LakeSink(store, stages, sinkOptions, eventTimes, logging.CreateLogger("CartStream.Lake.Sink"));
        var published = new PublishedBatches();
        var transform = new TransformFollower(
            store,
            transformOptions,
            followOptions,
            async (batch, ct) =>
            {
                await published.OnPublishedAsync(batch, ct);
                await warehouse.OnPublishedAsync(batch, ct);
            },
            logger: logging.CreateLogger<TransformFollower>());
        using var stopSink = new CancellationTokenSource();
        var sinkTask = sink.RunAsync(stopSink.Token);
        // The transform stops when the announcements end (after the sink drained), with a last full listing.
        var transformTask = transform.RunAsync(announcements.Reader, CancellationToken.None);
        var producer = new ProduceRunner(stages, ingestion, logging.CreateLogger("CartStream.Ingestion"));
        var produceTask = producer.RunAsync(produce, cancellationToken);

        var running = new (string Stage, Task Task)[] { ("produce", produceTask), ("sink", sinkTask), ("transform", transformTask) };
        var (outcome, stalledStage, last) = await WatchAsync(produceTask, running, store, warehouse, stages, ingestion.Topic, produce.UntilStopped, transform, cancellationToken);

        // Drain in pipeline order; each stage finishes what the one before it handed over. A stage that failed
        // throws here, after the others drained, and its error is what the command reports.
        await stopSink.CancelAsync();
        await sinkTask;
        announcements.Complete();
        await transformTask;
        await warehouse.CatchUpAsync(CancellationToken.None);
        if (produceTask.IsFaulted)
        {
            await produceTask;
        }
        var produced = produceTask.IsCompletedSuccessfully ? produceTask.Result : null;
        if (outcome == RunOutcome.Complete && produced is { Failed: > 0 })
        {
            outcome = RunOutcome.Failed;
        }

        var reports = published.Reports;
        var loads = warehouse.Results;
        using var process = Process.GetCurrentProcess();
        return new RunSummary
        {
            Outcome = outcome,
            StalledStage = outcome == RunOutcome.Stalled ? stalledStage : null,
            EventsRequested = produce.Events ?? 0,
            TopicRecords = last.TopicRecords,
            Produce = new StageCounts(produced?.Acknowledged ?? 0, Failed: produced?.Failed ?? 0, Skipped: produced?.Skipped ?? 0),
            Sink = new StageCounts(sink.RecordsLanded, sink.FilesPublished),
            Transform = new TransformCounts(
                reports.Sum(r => r.Records),
                reports.Sum(r => r.Facts),
                reports.Sum(r => r.Rejected),
                reports.Sum(r => r.Duplicates),
                reports.SelectMany(r => r.Rules).Where(r => r.Severity == "reject")
                    .GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Sum(r => r.Count))),
            Load = new LoadCounts(
                loads.Count(r => r.Status == BatchLoadStatus.Loaded),
                loads.Count(r => r.Status == BatchLoadStatus.Quarantined),
                loads.Sum(r => r.Facts),
                loads.Sum(r => r.Rejected),
                await warehouse.RowsAsync(CancellationToken.None)),
            Freshness = FreshnessPercentiles.Of(warehouse.Freshness),
            DurationSeconds = clock.Elapsed.TotalSeconds,
            CpuSeconds = process.TotalProcessorTime.TotalSeconds,
            PeakWorkingSetBytes = process.PeakWorkingSet64,
        };
    }

    private static string Describe(WarehouseOptions options) =>
        options.Backend == WarehouseBackend.DuckDb ? $"DuckDB {options.DuckDbPath}" : "PostgreSQL";

    /// <summary>Checks progress until the run is complete, stalls, or is stopped.</summary>
    private async Task<(RunOutcome Outcome, string? StalledStage, PipelineSnapshot Last)> WatchAsync(
        Task<ProduceResult> produceTask, (string Stage, Task Task)[] running, IObjectStore store, WarehouseStage warehouse, IConfiguration stages, string topic, bool unbounded, TransformFollower transform, CancellationToken cancellationToken)
    {
        using var watermarks = new TopicWatermarks(stages);
        var last = new PipelineSnapshot(false, 0, 0, 0, 0, 0);
        var lastMove = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Task.WhenAny(produceTask, Task.Delay(options.CheckInterval, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (RunOutcome.Interrupted, null, last);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return (RunOutcome.Interrupted, null, last);
            }

            if (running.FirstOrDefault(r => r.Task.IsFaulted) is { Stage: { } failed })
            {
                return (RunOutcome.Failed, failed, last);
            }

            var partitions = watermarks.Partitions(topic);
            var snapshot = new PipelineSnapshot(
                produceTask.IsCompletedSuccessfully,
                watermarks.Records(topic, partitions),
                await LakeProgress.LandedAsync(store, topic, partitions, cancellationToken),
                await TransformProgress.PendingFilesAsync(store, cancellationToken),
                transform.RecordsProcessed,
                await warehouse.RowsAsync(cancellationToken));
            if (snapshot.MovedSince(last))
            {
                lastMove.Restart();
            }

            last = snapshot;
            Progress?.Invoke(snapshot);
            if (!unbounded && snapshot.IsComplete)
            {
                return (RunOutcome.Complete, null, last);
            }

            if (!unbounded && lastMove.Elapsed >= options.StallTimeout)
            {
                return (RunOutcome.Stalled, snapshot.PendingStage, last);
            }
        }
    }
}
