using CartStream.Lake.Storage;
using CartStream.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CartStream.Lake.Tests.Storage;

public sealed class LakeStorageOptionsTests
{
    [Fact]
    public async Task A_local_lake_configured_by_keys_stores_objects_in_its_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("lake-options");
        using var host = BuildHost(new() { ["Lake:Storage:Kind"] = "local", ["Lake:Storage:Root"] = folder.Combine("lake") });
        await host.StartAsync(ct);

        var store = host.Services.GetRequiredService<IObjectStore>();
        await store.PutAsync("_state/sink/x", new byte[] { 1, 2, 3 }, ct);

        Assert.IsType<LocalObjectStore>(store);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(folder.Combine("lake", "_state", "sink", "x"), ct));
        await host.StopAsync(ct);
    }

    [Fact]
    public void An_s3_lake_configured_by_keys_gets_the_S3_store_with_its_bucket_and_prefix()
    {
        using var host = BuildHost(new()
        {
            ["Lake:Storage:Kind"] = "s3",
            ["Lake:Storage:Bucket"] = "sales-lake",
            ["Lake:Storage:Prefix"] = "/prod/",
            ["Lake:Storage:ServiceUrl"] = "http://127.0.0.1:9",
            ["Lake:Storage:ForcePathStyle"] = "true",
        });

        var store = host.Services.GetRequiredService<IObjectStore>();

        Assert.IsType<S3ObjectStore>(store);
        Assert.StartsWith("s3://sales-lake/prod/", store.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3", null, "Lake:Storage:Bucket")]
    [InlineData("local", null, "Lake:Storage:Root")]
    [InlineData("s3", "Not_A_Bucket", "Lake:Storage:Bucket")]
    public async Task A_wrong_setting_fails_at_start_naming_its_key(string kind, string? bucket, string namedKey)
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BuildHost(new() { ["Lake:Storage:Kind"] = kind, ["Lake:Storage:Bucket"] = bucket });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));

        Assert.Contains(namedKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_size_below_the_S3_minimum_fails_at_start()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BuildHost(new() { ["Lake:Storage:Kind"] = "s3", ["Lake:Storage:Bucket"] = "lake", ["Lake:Storage:PartSizeBytes"] = "1000" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));

        Assert.Contains("Lake:Storage:PartSizeBytes", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLakeStorage();
        return builder.Build();
    }
}
