using CartStream.Testing;
using Parquet;

namespace CartStream.Pipeline.Tests;

public sealed class VerifyTests
{
    [Fact]
    public async Task Verify_names_every_record_of_a_deleted_rejected_file_as_lost_and_of_a_copied_fact_file_as_doubled()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("pipeline-verify");
        await PipelineCli.RunAsync(data.Path, 2000, ct);
        var lake = Path.Combine(data.Path, "lake");

        // Plant a loss: one file of rejected rows disappears.
        var rejectedFile = Directory.EnumerateFiles(Path.Combine(lake, "DWH", "rejected"), "*.parquet", SearchOption.AllDirectories).First();
        var lost = await LineageAsync(rejectedFile, ct);
        File.Delete(rejectedFile);
        // Plant a double: one fact file appears twice under another part name.
        var factFile = Directory.EnumerateFiles(Path.Combine(lake, "DWH", "fact_sales"), "*.parquet", SearchOption.AllDirectories).First();
        var copy = Path.Combine(Path.GetDirectoryName(factFile)!, "part-00000000000000000000000000000000.parquet");
        File.Copy(factFile, copy);
        var doubled = await LineageAsync(factFile, ct);

        var verify = await PipelineCli.VerifyAsync(data.Path, ct);

        Assert.Equal(1, verify.ExitCode);
        Assert.NotEmpty(lost);
        foreach (var (partition, offset) in lost)
        {
            Assert.Contains($"model: lost partition {partition} offset {offset} ", verify.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains($"model: {doubled.Count:N0} doubled", verify.StandardOutput, StringComparison.Ordinal);
        var (p, o) = doubled[0];
        Assert.Contains($"model: doubled partition {p} offset {o} (2 times:", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("part-00000000000000000000000000000000.parquet", verify.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("lake: ", verify.StandardOutput.Replace("lake: 2,000 records", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>(partition, offset) of every row, read independently of the verifier.</summary>
    private static async Task<List<(int Partition, long Offset)>> LineageAsync(string parquetFile, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(parquetFile, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<(int, long)>();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = (int)rowGroup.RowCount;
            var files = new string?[count];
            var offsets = new long[count];
            await rowGroup.ReadAsync(fields.Single(f => f.Name == "source_file"), files.AsMemory(), null, ct);
            await rowGroup.ReadAsync(fields.Single(f => f.Name == "source_offset"), offsets.AsMemory(), null, ct);
            for (var row = 0; row < count; row++)
            {
                // topics/<topic>/partition=<p>/<topic>+<p>+<start>.avro; rejected rows of dead letters name the -dlq file.
                var name = Path.GetFileNameWithoutExtension(files[row]!);
                var partition = int.Parse(name.Split('+')[^2], System.Globalization.CultureInfo.InvariantCulture);
                rows.Add((partition, offsets[row]));
            }
        }

        return rows;
    }
}
