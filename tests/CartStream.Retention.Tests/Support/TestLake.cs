using System.Buffers;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Transform;

namespace CartStream.Retention.Tests.Support;

/// <summary>
/// A small lake made by the real sink writer and transform: partition 0 has offsets 0-19 in two batches (offset 4 a
/// dead letter), partition 1 offsets 0-9; all transformed. Then partition 0 lands offsets 20-29, not transformed.
/// </summary>
internal sealed class TestLake
{
    public const string Topic = "sales";

    private static readonly WriterSchema Schema = new(1, SalesEventSchema.Json);

    public List<string> TransformedRaw { get; } = [];

    public List<string> TransformedDeadLetters { get; } = [];

    public List<string> Unprocessed { get; } = [];

    /// <summary>Every transformed offset, each once: what the model holds and the lake's transformed files hold.</summary>
    public static IReadOnlyList<(int Partition, long Offset)> TransformedOffsets { get; } =
        [.. Enumerable.Range(0, 20).Select(o => (0, (long)o)), .. Enumerable.Range(0, 10).Select(o => (1, (long)o))];

    public static async Task<TestLake> BuildAsync(IObjectStore store, CancellationToken ct)
    {
        var lake = new TestLake();
        var partition0 = Writer(store, 0);
        await lake.LandAsync(partition0, 0, 10, deadLetterAt: 4, ct);
        await lake.LandAsync(partition0, 10, 20, deadLetterAt: null, ct);
        await lake.LandAsync(Writer(store, 1), 0, 10, deadLetterAt: null, ct);
        var reports = await new TransformRunner(store, new TransformOptions()).RunOnceAsync(ct);
        Assert.Equal(30, reports.Sum(r => r.Records));

        await lake.LandAsync(partition0, 20, 30, deadLetterAt: null, ct);
        lake.Unprocessed.AddRange(lake.TransformedRaw.Skip(3));
        lake.TransformedRaw.RemoveRange(3, lake.TransformedRaw.Count - 3);
        return lake;
    }

    public static async Task<List<string>> KeysAsync(IObjectStore store, string prefix, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var file in store.ListAsync(prefix, ct))
        {
            keys.Add(file.Key);
        }

        return keys;
    }

    /// <summary>Marks model files loaded the way a warehouse writing lake-side markers does.</summary>
    public static async Task MarkLoadedAsync(IObjectStore store, string prefix, CancellationToken ct)
    {
        foreach (var key in (await KeysAsync(store, prefix, ct)).Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            await LakeLoadMarkers.MarkLoadedAsync(store, key, ct);
        }
    }

    private static PartitionFileWriter Writer(IObjectStore store, int partition) =>
        new(store, Topic, partition, new PartitionFileWriterOptions { MaxRecords = 1000, MaxFileAge = TimeSpan.FromHours(1), Codec = AvroCodec.Null });

    private async Task LandAsync(PartitionFileWriter writer, long from, long to, long? deadLetterAt, CancellationToken ct)
    {
        var time = DateTimeOffset.UtcNow;
        for (var offset = from; offset < to; offset++)
        {
            if (offset == deadLetterAt)
            {
                await writer.AppendDeadLetterAsync(offset, time, null, new byte[] { 0x7B, 0x7D }, "wrong magic byte", ct);
                continue;
            }

            var record = new ArrayBufferWriter<byte>();
            SalesEventCodec.Write(Event(writer.Partition * 1000 + (int)offset), record);
            await writer.AppendAsync(offset, time, Schema, record.WrittenMemory, ct);
        }

        var batch = await writer.PublishAsync(ct) ?? throw new InvalidOperationException("nothing published");
        foreach (var file in batch.Files)
        {
            (file.IsDeadLetter ? TransformedDeadLetters : TransformedRaw).Add(file.Key);
        }
    }

    private static SalesEvent Event(int seed) => new()
    {
        EventId = new Guid(seed, 0, 0, [1, 2, 3, 4, 5, 6, 7, 8]),
        EventTime = DateTime.UtcNow.AddHours(-1),
        OrderId = $"O{seed:D8}",
        LineNumber = 1,
        Customer = new Customer { CustomerId = $"C{seed % 7:D7}", Name = "Ada Lovelace", Email = "ada@example.com", Segment = "consumer", SignupDate = new DateOnly(2021, 3, 4) },
        Product = new Product { ProductId = $"P{seed % 5:D5}", Name = "Trail Shoe", Category = "Sports", Subcategory = "Running", Brand = "Fleet", UnitPrice = 40.00m, UnitCost = 25.00m },
        Quantity = 3,
        Discount = 0.1000m,
        Currency = "EUR",
        PaymentMethod = "card",
        OrderStatus = "paid",
        SalesChannel = "web",
        Device = "desktop",
        ShippingAddress = new Address { Street = "Unter den Linden 1", PostalCode = "10117", City = "Berlin", Country = "DE" },
    };
}
