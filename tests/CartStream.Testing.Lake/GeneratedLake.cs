using CartStream.Generator;
using CartStream.Lake.Storage;
using CartStream.Transform;
using CartStream.Transform.Quality;

namespace CartStream.Testing.Lake;

/// <summary>
/// Generated events landed in a lake as the sink would land them, and run through the transform: the input of
/// every stage after the transform, built the same way everywhere.
/// </summary>
public static class GeneratedLake
{
    /// <summary>The processing time the transform's clock stands at.</summary>
    public static readonly DateTime ProcessingTime = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A generator with every defect kind, its simulated days ending before <see cref="ProcessingTime"/>.</summary>
    public static SalesEventGenerator Generator(int seed = 7, double dirtyRatio = 0.15, int eventsPerDay = 5_000) => new(new GeneratorOptions
    {
        Seed = seed,
        DirtyRatio = dirtyRatio,
        AllowNotAvro = true,
        SimulatedStartUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        SimulatedEventsPerDay = eventsPerDay,
        FutureAnchorUtc = ProcessingTime,
        ProductCount = 200,
        CustomerCount = 2_000,
    });

    /// <summary>
    /// Lands records as the sink would: keyed by order id onto partitions, in files of consecutive offsets, with
    /// not-Avro messages in the partition's dead-letter files.
    /// </summary>
    public static async Task<List<PlacedRecord>> LandAsync(IObjectStore store, IReadOnlyList<GeneratedRecord> records, int partitions, int recordsPerFile, CancellationToken cancellationToken)
    {
        var placed = new List<PlacedRecord>();
        for (var p = 0; p < partitions; p++)
        {
            var mine = records.Where(r => PartitionOf(r.Event.OrderId, partitions) == p).ToList();
            var good = mine.Where(r => r.NotAvroPayload is null).ToList();
            var bad = mine.Where(r => r.NotAvroPayload is not null).ToList();
            for (var start = 0; start < good.Count; start += recordsPerFile)
            {
                var chunk = good.Skip(start).Take(recordsPerFile).ToList();
                var key = await RawFiles.PutEventsAsync(store, p, start, chunk.Select(r => r.Event), cancellationToken);
                placed.AddRange(chunk.Select((r, i) => new PlacedRecord(r, key, start + i)));
            }

            if (bad.Count > 0)
            {
                // The dead letters follow the partition's good records: their own offsets are recorded inside them.
                var key = await RawFiles.PutDeadLettersAsync(store, p, good.Count, bad.Select(r => r.NotAvroPayload!), cancellationToken);
                placed.AddRange(bad.Select((r, i) => new PlacedRecord(r, key, good.Count + i)));
            }
        }

        return placed;
    }

    /// <summary>
    /// Lands <paramref name="records"/> events of <paramref name="generator"/> without holding them all: each partition
    /// buffers one file's worth, so millions of events fit in memory. Not-Avro messages go to a dead-letter file per raw file.
    /// </summary>
    public static async Task LandStreamingAsync(IObjectStore store, SalesEventGenerator generator, long records, int partitions, int recordsPerFile, CancellationToken cancellationToken)
    {
        var good = Enumerable.Range(0, partitions).Select(_ => new List<CartStream.Events.SalesEvent>()).ToArray();
        var bad = Enumerable.Range(0, partitions).Select(_ => new List<byte[]>()).ToArray();
        var offsets = new long[partitions];
        async Task FlushAsync(int p)
        {
            if (good[p].Count > 0)
            {
                await RawFiles.PutEventsAsync(store, p, offsets[p], good[p], cancellationToken);
                offsets[p] += good[p].Count;
                good[p].Clear();
            }

            if (bad[p].Count > 0)
            {
                await RawFiles.PutDeadLettersAsync(store, p, offsets[p], bad[p], cancellationToken);
                offsets[p] += bad[p].Count;
                bad[p].Clear();
            }
        }

        for (long i = 0; i < records; i++)
        {
            var record = generator.Next();
            var p = PartitionOf(record.Event.OrderId, partitions);
            if (record.NotAvroPayload is { } payload)
            {
                bad[p].Add(payload);
            }
            else
            {
                good[p].Add(record.Event);
            }

            if (good[p].Count + bad[p].Count >= recordsPerFile)
            {
                await FlushAsync(p);
            }
        }

        for (var p = 0; p < partitions; p++)
        {
            await FlushAsync(p);
        }
    }

    /// <summary>Generates <paramref name="records"/> events, lands them and transforms them in batches of <paramref name="filesPerBatch"/> raw files.</summary>
    public static async Task<IReadOnlyList<QualityReport>> BuildAsync(
        IObjectStore store, int records, CancellationToken cancellationToken, int seed = 7, int partitions = 4, int recordsPerFile = 400, int filesPerBatch = 8, int eventsPerDay = 5_000)
    {
        var generator = Generator(seed, eventsPerDay: eventsPerDay);
        var generated = Enumerable.Range(0, records).Select(_ => generator.Next()).ToList();
        await LandAsync(store, generated, partitions, recordsPerFile, cancellationToken);
        return await TransformAsync(store, filesPerBatch, cancellationToken);
    }

    /// <summary>Runs the transform over every raw file not yet transformed, with the clock at <see cref="ProcessingTime"/>.</summary>
    public static Task<IReadOnlyList<QualityReport>> TransformAsync(IObjectStore store, int filesPerBatch, CancellationToken cancellationToken) =>
        new TransformRunner(store, new TransformOptions { MaxFilesPerBatch = filesPerBatch }, time: new FakeClock(ProcessingTime)).RunOnceAsync(cancellationToken);

    /// <summary>The partition the sink's producer would put an order on (a stable stand-in for Kafka's hash).</summary>
    public static int PartitionOf(string? orderId, int partitions) => (int)((uint)(orderId ?? "").Sum(c => c) % partitions);
}
