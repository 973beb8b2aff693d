using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Tests.Storage;

public sealed class LocalObjectStoreTests : ObjectStoreContract
{
    private readonly List<TempDirectory> _folders = [];

    protected override IObjectStore CreateEmptyStore()
    {
        var folder = new TempDirectory("lake");
        _folders.Add(folder);
        return new LocalObjectStore(folder.Combine("lake"));
    }

    protected override Task PlantInterruptedWriteAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        // What a writer killed between creating and renaming its temporary file leaves behind.
        var path = Path.Combine(((LocalObjectStore)store).Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.tmp-{Guid.NewGuid():N}"), TestContent.Bytes(100));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_if_absent_lets_exactly_one_of_many_concurrent_writers_claim_a_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var contents = Enumerable.Range(0, 32).Select(i => TestContent.Bytes(64 * 1024, seed: 100 + i)).ToArray();

        var results = await Task.WhenAll(contents.Select(c => Task.Run(() => store.TryCreateAsync("_state/transform/claims/f", c, ct), ct)));

        Assert.Equal(1, results.Count(created => created));
        var winner = contents[Array.IndexOf(results, true)];
        Assert.Equal(winner, await store.ReadAllBytesAsync("_state/transform/claims/f", ct));
    }

    [Fact]
    public async Task Readers_never_see_a_partial_object_while_it_is_overwritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        const int size = 1024 * 1024;
        byte[][] versions = [Enumerable.Repeat((byte)'A', size).ToArray(), Enumerable.Repeat((byte)'B', size).ToArray()];
        await store.PutAsync("DWH/dim_product/part-0.parquet", versions[0], ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 40; i++)
            {
                await store.PutAsync("DWH/dim_product/part-0.parquet", versions[i % 2], ct);
            }
        }, ct);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!writer.IsCompleted || reads == 0)
            {
                var read = await store.ReadAllBytesAsync("DWH/dim_product/part-0.parquet", ct);
                Assert.Equal(size, read.Length);
                Assert.True(read.AsSpan().IndexOfAnyExcept(read[0]) < 0, "a reader saw a mix of two versions");
                reads++;
            }

            return reads;
        }, ct)).ToArray();

        await writer;
        var counts = await Task.WhenAll(readers);
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public async Task Writes_leave_no_temporary_files_and_stale_ones_from_crashes_are_cleaned()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = (LocalObjectStore)NewStore();
        await store.PutAsync("topics/orders/partition=0/orders+0+0000000000.avro", TestContent.Bytes(100), ct);
        await store.TryCreateAsync("_state/claims/x", TestContent.Bytes(10), ct);
        Assert.Equal(2, Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).Length);

        await PlantInterruptedWriteAsync(store, "topics/orders/partition=0/orders+0+0000000100.avro", ct);
        var stale = Directory.GetFiles(store.Root, ".*", SearchOption.AllDirectories).Single();
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        await PlantInterruptedWriteAsync(store, "topics/orders/partition=0/orders+0+0000000200.avro", ct);

        var deleted = store.DeleteStaleTemporaryFiles(TimeSpan.FromHours(1));

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(stale));
        Assert.Single(Directory.GetFiles(store.Root, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Temporary_files_never_carry_the_data_file_extension()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = (LocalObjectStore)NewStore();
        await using var source = new ScriptedStream(TestContent.Bytes(2000), pauseAt: 1000);

        var writing = store.PutAsync("topics/orders/partition=0/orders+0+0000000000.avro", source, ct);
        await source.ReachedPause.WaitAsync(ct);
        var temporary = Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Single()!;
        source.Release();
        await writing;

        Assert.StartsWith(".", temporary);
        Assert.False(temporary.EndsWith(".avro", StringComparison.Ordinal) || temporary.EndsWith(".parquet", StringComparison.Ordinal), temporary);
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }
}
