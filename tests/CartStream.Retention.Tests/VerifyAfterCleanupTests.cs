using CartStream.Testing;

namespace CartStream.Retention.Tests;

public sealed class VerifyAfterCleanupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>A policy that makes every finished file eligible at once.</summary>
    private static readonly Dictionary<string, string> EverythingEligible = new()
    {
        ["CARTSTREAM_Retention__RawMaxAgeDays"] = "0",
        ["CARTSTREAM_Retention__WarehouseMaxAgeDays"] = "0",
        ["CARTSTREAM_Retention__RejectedMaxAgeDays"] = "0",
    };

    [Fact]
    public async Task Verify_still_reconciles_every_record_after_cleanup_deleted_every_raw_and_model_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("retention-verify");
        // No dirty records: dead letters would trip the transform's known lineage bug, not retention.
        var run = await Cli.RunAsync(Timeout, ct, "run", "--events", "2000", "--rate", "max", "--seed", "7", "--dirty-ratio", "0", "--data-dir", data.Path, "--json");
        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        var lake = data.Combine("lake");
        // Everything counts as loaded: a marker per model file, as a warehouse writing lake-side markers leaves them.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(lake, "DWH"), "*.parquet", SearchOption.AllDirectories))
        {
            var marker = Path.Combine(lake, "_state", "warehouse", "loaded", Path.GetRelativePath(lake, file));
            Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
            await File.WriteAllBytesAsync(marker, [], ct);
        }

        var before = DataFiles(lake);
        var dryRun = await CleanupAsync(data.Path, ct, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.StandardError);
        Assert.Equal(before, DataFiles(lake));
        Assert.Contains($"dry run: would delete {before.Count:N0} file(s)", dryRun.StandardOutput, StringComparison.Ordinal);

        var cleanup = await CleanupAsync(data.Path, ct);
        Assert.True(cleanup.ExitCode == 0, cleanup.StandardError);
        Assert.Empty(DataFiles(lake));

        var verify = await Cli.RunAsync(Timeout, ct, "verify", "--data-dir", data.Path);
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.Contains("topic sales-events: 2,000 records; lake: 2,000 records", verify.StandardOutput, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> CleanupAsync(string dataDir, CancellationToken ct, params string[] extra) =>
        ExternalProcess.RunAsync("dotnet", [Cli.Dll, "cleanup", "--data-dir", dataDir, .. extra], Timeout, ct, environment: EverythingEligible);

    /// <summary>Raw and model files: what cleanup may delete.</summary>
    private static List<string> DataFiles(string lake) =>
        [.. Directory.EnumerateFiles(lake, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(lake, f))
            .Where(f => !f.StartsWith("_state", StringComparison.Ordinal) && (f.EndsWith(".avro", StringComparison.Ordinal) || f.EndsWith(".parquet", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
}
