using CartStream.Generator;
using CartStream.Lake;
using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;
using CartStream.Testing.Lake;

namespace CartStream.Transform.Tests;

/// <summary>The transform against a lake on S3 (s3rver, signed requests): the same output as on a local folder.</summary>
public sealed class S3LakeTests : IDisposable
{
    private static readonly DateTime ProcessingTime = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new("transform-s3");
    private readonly LocalObjectStore _local;

    public S3LakeTests()
    {
        _local = new LocalObjectStore(_dir.Path);
    }

    public void Dispose()
    {
        _local.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_lake_on_S3_gets_the_same_output_files_byte_for_byte_as_a_local_lake()
    {
        var ct = TestContext.Current.CancellationToken;
        using var s3 = new S3ObjectStore(S3TestServer.Options(S3TestServer.NewBucketName(), prefix: "lake"), S3TestServer.Credentials);
        await s3.EnsureBucketAsync(ct);
        await LandSameFilesAsync(s3, ct);

        var options = new TransformOptions { MaxFilesPerBatch = 3 };
        var onLocal = await new TransformRunner(_local, options, time: new FakeClock(ProcessingTime)).RunOnceAsync(ct);
        var onS3 = await new TransformRunner(s3, options, time: new FakeClock(ProcessingTime)).RunOnceAsync(ct);

        Assert.Equal(onLocal.Select(r => r.ToJson()), onS3.Select(r => r.ToJson()));
        Assert.Contains(onS3, r => r.Quarantined.Count == 1);
        var expected = await KeysAsync(_local, ct);
        Assert.Contains(expected, k => k.StartsWith("DWH/fact_sales/", StringComparison.Ordinal));
        Assert.Contains(expected, k => k.StartsWith("quarantine/", StringComparison.Ordinal));
        Assert.Equal(expected, await KeysAsync(s3, ct));
        foreach (var key in expected)
        {
            Assert.Equal(await _local.ReadAllBytesAsync(key, ct), await s3.ReadAllBytesAsync(key, ct));
        }

        // Checkpoints and claims live on S3 too: a second run finds nothing left, and holds no claim.
        Assert.Empty(await new TransformRunner(s3, options, time: new FakeClock(ProcessingTime)).RunOnceAsync(ct));
        Assert.Empty(await KeysAsync(s3, ct, "_state/transform/claims/"));
        Assert.Equal(
            (await KeysAsync(_local, ct, LakeLayout.TopicsArea)).Count,
            (await KeysAsync(s3, ct, "_state/transform/done/")).Count);
    }

    /// <summary>Generated events with dirty records and dead letters in 2 partitions, and one corrupt file, written to both lakes.</summary>
    private async Task LandSameFilesAsync(IObjectStore s3, CancellationToken ct)
    {
        var generator = new SalesEventGenerator(new GeneratorOptions
        {
            Seed = 3,
            DirtyRatio = 0.1,
            AllowNotAvro = true,
            SimulatedStartUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            FutureAnchorUtc = ProcessingTime,
        });
        var records = Enumerable.Range(0, 1_200).Select(_ => generator.Next()).ToList();
        for (var p = 0; p < 2; p++)
        {
            var mine = records.Where((_, i) => i % 2 == p).ToList();
            var good = mine.Where(r => r.NotAvroPayload is null).Select(r => r.Event).ToList();
            for (var start = 0; start < good.Count; start += 200)
            {
                await RawFiles.PutEventsAsync(_local, p, start, good.Skip(start).Take(200), ct);
            }

            await RawFiles.PutDeadLettersAsync(_local, p, good.Count, mine.Where(r => r.NotAvroPayload is not null).Select(r => r.NotAvroPayload!), ct);
        }

        await _local.PutAsync(LakeLayout.RawFileKey(RawFiles.Topic, 1, 5_000), "Obj\u0001 cut short"u8.ToArray(), ct);
        foreach (var key in await KeysAsync(_local, ct, LakeLayout.TopicsArea))
        {
            await s3.PutAsync(key, await _local.ReadAllBytesAsync(key, ct), ct);
        }
    }

    /// <summary>Keys of the transform's output (tables, rejected rows, reports, quarantine), or under <paramref name="prefix"/>.</summary>
    private static async Task<List<string>> KeysAsync(IObjectStore store, CancellationToken ct, string? prefix = null)
    {
        var keys = new List<string>();
        foreach (var area in prefix is null ? [LakeLayout.WarehouseArea, "quarantine/"] : new[] { prefix })
        {
            await foreach (var o in store.ListAsync(area, ct))
            {
                keys.Add(o.Key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
