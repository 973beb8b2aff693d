using Amazon.S3;
using Amazon.S3.Model;
using CartStream.Lake.Sink;
using CartStream.Lake.Storage;
using CartStream.Lake.Tests.Support;
using CartStream.Testing;

namespace CartStream.Lake.Tests.Storage;

/// <summary>The contract on a real S3-compatible server (s3rver, started by test.sh), plus what only S3 has.</summary>
public sealed class S3ObjectStoreTests(S3BucketFixture bucket) : ObjectStoreContract, IClassFixture<S3BucketFixture>
{
    private readonly Dictionary<IObjectStore, string> _prefixes = [];

    protected override IObjectStore CreateEmptyStore()
    {
        var prefix = $"lake-{Guid.NewGuid():N}/";
        var store = new S3ObjectStore(S3TestServer.Options(bucket.Name, prefix), S3TestServer.Credentials);
        _prefixes[store] = prefix;
        return store;
    }

    protected override async Task PlantInterruptedWriteAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        // A writer that died mid multipart upload leaves parts but no object; a local lake copied into the bucket
        // may carry its hidden temporary files along.
        using var client = RawClient();
        var fullKey = _prefixes[store] + key;
        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket.Name, Key = fullKey }, cancellationToken);
        using var part = new MemoryStream(TestContent.Bytes(LakeStorageOptions.MinimumPartSizeBytes));
        await client.UploadPartAsync(
            new UploadPartRequest { BucketName = bucket.Name, Key = fullKey, UploadId = upload.UploadId, PartNumber = 1, InputStream = part, UseChunkEncoding = false },
            cancellationToken);
        var folder = fullKey[..(fullKey.LastIndexOf('/') + 1)];
        using var temporary = new MemoryStream(TestContent.Bytes(100));
        await client.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket.Name, Key = $"{folder}.{ObjectKey.FileName(key)}.tmp-{Guid.NewGuid():N}", InputStream = temporary, UseChunkEncoding = false },
            cancellationToken);
    }

    [Theory]
    [InlineData(3000)]
    [InlineData(LargeSize)]
    public async Task Signed_uploads_store_exactly_the_bytes_that_a_plain_HTTP_reader_gets_back(int size)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();
        var content = TestContent.Bytes(size, seed: 9);
        const string key = "topics/orders/partition=0/orders+0+0000000000.avro";

        await store.PutAsync(key, content, ct);

        // Not through the SDK: the aws-chunked trap corrupts what is stored, and the SDK's own reader could hide it.
        using var http = new HttpClient();
        var stored = await http.GetByteArrayAsync($"{S3TestServer.Url}/{bucket.Name}/{_prefixes[store]}{key}", ct);
        Assert.Equal(content.Length, stored.Length);
        Assert.True(content.AsSpan().SequenceEqual(stored), "the server stored different bytes from those uploaded");
    }

    [Fact]
    public async Task Unsigned_requests_work_when_configured_anonymous()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = S3TestServer.Options(bucket.Name, $"anonymous-{Guid.NewGuid():N}");
        options.Credentials = S3CredentialSource.Anonymous;
        using var store = ObjectStoreFactory.Create(options);
        var content = TestContent.Bytes(2000, seed: 10);

        await store.PutAsync("DWH/dim_channel/part-1.parquet", content, ct);

        Assert.Equal(content, await store.ReadAllBytesAsync("DWH/dim_channel/part-1.parquet", ct));
    }

    [Fact]
    public async Task Strict_create_if_absent_refuses_to_run_on_a_server_that_ignores_If_None_Match()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = S3TestServer.Options(bucket.Name, $"strict-{Guid.NewGuid():N}");
        options.ConditionalCreate = S3ConditionalCreateMode.Require;
        using var store = new S3ObjectStore(options, S3TestServer.Credentials);

        // s3rver 3.7.1 accepts a second PutObject with If-None-Match: * (Amazon S3 answers 412): a claim there
        // could be won twice, so the strict mode must say so instead of pretending.
        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.TryCreateAsync("_state/transform/claims/f", TestContent.Bytes(10), ct));

        Assert.False(error.IsTransient);
        Assert.Contains("If-None-Match", error.Message, StringComparison.Ordinal);
        Assert.False(await store.ExistsAsync("_state/transform/claims/f", ct));
        Assert.Empty(await store.ListAsync("", ct).ToListAsync(ct));
    }

    [Fact]
    public async Task Stores_under_different_prefixes_do_not_see_each_others_objects()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = NewStore();
        var second = NewStore();

        await first.PutAsync("topics/a/partition=0/a+0+0000000000.avro", TestContent.Bytes(5), ct);

        Assert.Empty(await second.ListAsync("", ct).ToListAsync(ct));
        Assert.False(await second.ExistsAsync("topics/a/partition=0/a+0+0000000000.avro", ct));
        Assert.Single(await first.ListAsync("", ct).ToListAsync(ct));
    }

    [Fact]
    public async Task A_missing_bucket_is_a_permanent_error_that_names_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var missing = S3TestServer.NewBucketName();
        using var store = new S3ObjectStore(S3TestServer.Options(missing), S3TestServer.Credentials);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("a/b", TestContent.Bytes(5), ct));

        Assert.False(error.IsTransient);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_server_gives_transient_errors_and_work_resumes_when_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("s3rver");
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var options = S3TestServer.Options("resume", url: url);
        options.MaxRetries = 0;
        using var store = new S3ObjectStore(options, S3TestServer.Credentials);
        var content = TestContent.Bytes(1000, seed: 11);

        using (var server = await OwnServer.StartProcessAsync(data.Path, port, ct))
        {
            await store.EnsureBucketAsync(ct);
            await store.PutAsync("topics/t/partition=0/t+0+0000000000.avro", content, ct);
            server.Kill();

            var readError = await Assert.ThrowsAsync<ObjectStoreException>(() => store.ReadAllBytesAsync("topics/t/partition=0/t+0+0000000000.avro", ct));
            var writeError = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("topics/t/partition=0/t+0+0000000001.avro", content, ct));
            var listError = await Assert.ThrowsAsync<ObjectStoreException>(async () => await store.ListAsync("", ct).ToListAsync(ct));
            Assert.True(readError.IsTransient, readError.Message);
            Assert.True(writeError.IsTransient, writeError.Message);
            Assert.True(listError.IsTransient, listError.Message);
        }

        using (await OwnServer.StartProcessAsync(data.Path, port, ct))
        {
            await store.PutAsync("topics/t/partition=0/t+0+0000000001.avro", content, ct);
            Assert.Equal(content, await store.ReadAllBytesAsync("topics/t/partition=0/t+0+0000000000.avro", ct));
            Assert.Equal(2, (await store.ListAsync("topics/", ct).ToListAsync(ct)).Count);
        }
    }

    [Fact]
    public async Task A_body_that_fails_the_SDKs_checksum_is_a_transient_store_error_not_an_SDK_exception()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("s3rver");
        using var own = await OwnServer.StartAsync("checksum", data.Path, ct);
        var store = own.Store;
        var content = TestContent.Bytes(3000, seed: 5);
        await store.PutAsync("topics/t/partition=0/t+0+0000000000.avro", content, ct);

        // What a reader racing s3rver's in-place rewrite gets: the old checksum over other bytes of the same length.
        var stored = Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories)
            .Single(f => new FileInfo(f).Length == content.Length && File.ReadAllBytes(f).AsSpan().SequenceEqual(content));
        var corrupt = content.ToArray();
        corrupt[1500] ^= 0xFF;
        await File.WriteAllBytesAsync(stored, corrupt, ct);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.ReadAllBytesAsync("topics/t/partition=0/t+0+0000000000.avro", ct));
        Assert.True(error.IsTransient, error.Message);
        Assert.Equal("topics/t/partition=0/t+0+0000000000.avro", error.Key);
    }

    [Fact]
    public async Task A_sink_state_record_whose_body_fails_its_checksum_on_every_read_counts_as_none()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("s3rver-state");
        using var own = await OwnServer.StartAsync("state", data.Path, ct);
        var store = own.Store;
        await new SinkPartitionState("sales", 0, 41, ["topics/sales/partition=0/sales+0+0000000000.avro"], DateTimeOffset.UnixEpoch).WriteAsync(store, ct);
        Assert.Equal(41, (await SinkPartitionState.ReadAsync(store, "sales", 0, ct))!.EndOffset);

        // What s3rver showed after a state PUT cut off by SIGKILL: other bytes under the stored checksum.
        var stored = Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories).Single(f => File.ReadAllText(f).Contains("\"endOffset\": 41", StringComparison.Ordinal));
        // Still valid JSON, so only the checksum can tell.
        await File.WriteAllTextAsync(stored, (await File.ReadAllTextAsync(stored, ct)).Replace("\"endOffset\": 41", "\"endOffset\": 42", StringComparison.Ordinal), ct);

        Assert.Null(await SinkPartitionState.ReadAsync(store, "sales", 0, ct));
    }

    [Fact]
    public async Task The_sink_core_neither_loses_nor_doubles_a_record_across_crashes_on_S3()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = NewStore();

        var crashes = await CrashScenario.RunAsync(store, "sales", seed: 11, records: 120, crashes: 3, ct);

        Assert.Equal(3, crashes);
        var landed = await LakeContents.OffsetsAsync(store, "sales", ct);
        Assert.Equal(CrashScenario.Log(11, 120).Offsets, landed.Select(o => o.Offset).Order());
    }

    private static AmazonS3Client RawClient() => new(
        S3TestServer.Credentials,
        new AmazonS3Config { ServiceURL = S3TestServer.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
}
