using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;

namespace CartStream.Lake.Tests.Storage;

/// <summary>
/// What every object store promises, run against each implementation: a local folder and a real S3-compatible
/// server. Each test gets an empty store of its own.
/// </summary>
public abstract class ObjectStoreContract : IDisposable
{
    /// <summary>Above the multipart threshold the S3 tests use (5 MiB): three parts.</summary>
    protected const int LargeSize = (12 * 1024 * 1024) + 12345;

    private readonly List<IObjectStore> _stores = [];

    /// <summary>An empty store no other test sees.</summary>
    protected IObjectStore NewStore()
    {
        var store = CreateEmptyStore();
        _stores.Add(store);
        return store;
    }

    /// <summary>Creates an empty store no other test sees.</summary>
    protected abstract IObjectStore CreateEmptyStore();

    /// <summary>Leaves what an interrupted writer of <paramref name="key"/> leaves on this backend.</summary>
    protected abstract Task PlantInterruptedWriteAsync(IObjectStore store, string key, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_small_object_reads_back_byte_for_byte()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var content = TestContent.Bytes(4096);

        await store.PutAsync("topics/orders/partition=0/orders+0+0000000000.avro", content, ct);

        Assert.Equal(content, await store.ReadAllBytesAsync("topics/orders/partition=0/orders+0+0000000000.avro", ct));
        var info = await store.GetInfoAsync("topics/orders/partition=0/orders+0+0000000000.avro", ct);
        Assert.NotNull(info);
        Assert.Equal(content.Length, info.Size);
        Assert.NotEmpty(info.ETag);
    }

    [Fact]
    public async Task An_empty_object_is_stored_and_read_as_empty()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();

        await store.PutAsync("_state/sink/empty", ReadOnlyMemory<byte>.Empty, ct);

        Assert.Empty(await store.ReadAllBytesAsync("_state/sink/empty", ct));
        Assert.Equal(0, (await store.GetInfoAsync("_state/sink/empty", ct))!.Size);
    }

    [Fact]
    public async Task A_multipart_sized_object_from_a_forward_only_stream_reads_back_byte_for_byte()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var content = TestContent.Bytes(LargeSize, seed: 2);

        await using (var source = new ScriptedStream(content))
        {
            await store.PutAsync("DWH/fact_sales/event_date=2026-11-24/part-big.parquet", source, ct);
        }

        var read = await store.ReadAllBytesAsync("DWH/fact_sales/event_date=2026-11-24/part-big.parquet", ct);
        Assert.Equal(content.Length, read.Length);
        Assert.True(content.AsSpan().SequenceEqual(read), "the bytes read back differ from the bytes written");
    }

    [Fact]
    public async Task Overwriting_replaces_the_whole_object()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        await store.PutAsync("a/b", TestContent.Bytes(LargeSize, seed: 3), ct);
        var replacement = TestContent.Bytes(100, seed: 4);

        await store.PutAsync("a/b", replacement, ct);

        Assert.Equal(replacement, await store.ReadAllBytesAsync("a/b", ct));
        Assert.Equal(100, (await store.GetInfoAsync("a/b", ct))!.Size);
    }

    [Fact]
    public async Task Listing_returns_the_keys_under_a_string_prefix_in_order_with_their_sizes()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        string[] keys =
        [
            "topics/orders/partition=1/orders+1+0000000100.avro",
            "topics/orders/partition=1/orders+1+0000000000.avro",
            "topics/orders/partition=10/orders+10+0000000000.avro",
            "topics/orders/partition=2/orders+2+0000000000.avro",
            "DWH/dim_customer/part-1.parquet",
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            await store.PutAsync(keys[i], TestContent.Bytes(10 + i, seed: i), ct);
        }

        var partition1 = await ListKeysAsync(store, "topics/orders/partition=1/", ct);
        var partition1Or10 = await ListKeysAsync(store, "topics/orders/partition=1", ct);
        var everything = await store.ListAsync("", ct).ToListAsync(ct);

        Assert.Equal(["topics/orders/partition=1/orders+1+0000000000.avro", "topics/orders/partition=1/orders+1+0000000100.avro"], partition1);
        Assert.Equal(
            ["topics/orders/partition=1/orders+1+0000000000.avro", "topics/orders/partition=1/orders+1+0000000100.avro", "topics/orders/partition=10/orders+10+0000000000.avro"],
            partition1Or10);
        Assert.Equal(keys.Order(StringComparer.Ordinal), everything.Select(o => o.Key));
        Assert.Equal(10, everything.Single(o => o.Key == keys[0]).Size);
        Assert.Empty(await ListKeysAsync(store, "nothing/", ct));
    }

    [Fact]
    public async Task An_interrupted_write_is_invisible_to_listings_and_look_ups()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        await store.PutAsync("topics/orders/partition=0/orders+0+0000000000.avro", TestContent.Bytes(10), ct);

        await PlantInterruptedWriteAsync(store, "topics/orders/partition=0/orders+0+0000000500.avro", ct);

        Assert.Equal(["topics/orders/partition=0/orders+0+0000000000.avro"], await ListKeysAsync(store, "", ct));
        Assert.False(await store.ExistsAsync("topics/orders/partition=0/orders+0+0000000500.avro", ct));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(LargeSize)]
    public async Task A_write_in_progress_is_invisible_until_it_completes(int pauseAt)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var content = TestContent.Bytes(pauseAt + 1000, seed: 5);
        const string key = "topics/orders/partition=3/orders+3+0000000000.avro";
        await using var source = new ScriptedStream(content, pauseAt);

        var writing = store.PutAsync(key, source, ct);
        await source.ReachedPause.WaitAsync(ct);

        Assert.Empty(await ListKeysAsync(store, "", ct));
        Assert.Null(await store.GetInfoAsync(key, ct));
        var notFound = await Assert.ThrowsAsync<ObjectStoreException>(() => store.ReadAllBytesAsync(key, ct));
        Assert.True(notFound.IsNotFound);

        source.Release();
        await writing;
        Assert.Equal(content, await store.ReadAllBytesAsync(key, ct));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(LargeSize)]
    public async Task A_write_whose_source_breaks_leaves_nothing_behind(int failAt)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        await using var source = new ScriptedStream(TestContent.Bytes(failAt + 1000), failAt, failAtPause: true);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("DWH/rejected/event_date=2026-11-24/part-x.parquet", source, ct));

        Assert.False(error.IsTransient);
        Assert.Empty(await ListKeysAsync(store, "", ct));
        Assert.False(await store.ExistsAsync("DWH/rejected/event_date=2026-11-24/part-x.parquet", ct));
    }

    [Fact]
    public async Task Deleting_removes_the_object_and_deleting_again_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        await store.PutAsync("DWH/dim_date/part-1.parquet", TestContent.Bytes(10), ct);
        await store.PutAsync("DWH/dim_date/part-2.parquet", TestContent.Bytes(10), ct);

        await store.DeleteAsync("DWH/dim_date/part-1.parquet", ct);
        await store.DeleteAsync("DWH/dim_date/part-1.parquet", ct);

        Assert.False(await store.ExistsAsync("DWH/dim_date/part-1.parquet", ct));
        Assert.Equal(["DWH/dim_date/part-2.parquet"], await ListKeysAsync(store, "DWH/", ct));
    }

    [Fact]
    public async Task Reading_a_missing_object_is_a_not_found_error_that_is_not_transient()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.OpenReadAsync("topics/none", ct));

        Assert.True(error.IsNotFound);
        Assert.False(error.IsTransient);
        Assert.Equal("topics/none", error.Key);
    }

    [Fact]
    public async Task Create_if_absent_creates_once_and_keeps_the_first_content()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var first = TestContent.Bytes(50, seed: 6);

        var created = await store.TryCreateAsync("_state/transform/claims/file-1", first, ct);
        var again = await store.TryCreateAsync("_state/transform/claims/file-1", TestContent.Bytes(60, seed: 7), ct);

        Assert.True(created);
        Assert.False(again);
        Assert.Equal(first, await store.ReadAllBytesAsync("_state/transform/claims/file-1", ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/topics/a")]
    [InlineData("topics//a")]
    [InlineData("topics/a/")]
    [InlineData("topics/.a.avro.tmp-1")]
    [InlineData("topics\\a")]
    public async Task Keys_that_could_collide_with_temporary_objects_or_paths_are_refused(string key)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, TestContent.Bytes(1), ct));
    }

    private static async Task<List<string>> ListKeysAsync(IObjectStore store, string prefix, CancellationToken ct) =>
        await store.ListAsync(prefix, ct).Select(o => o.Key).ToListAsync(ct);
}
