using CartStream.Testing.Lake;
using CartStream.Lake;

namespace CartStream.Transform.Tests.Support;

/// <summary>Where each row of <c>fact_sales</c> and <c>rejected</c> says its record came from, read with DuckDB.</summary>
internal static class LakeRows
{
    /// <summary>(Kafka partition, offset) of every fact row and every rejected row of a local lake, repeats kept.</summary>
    public static List<(int Partition, long Offset)> Origins(string lakeRoot)
    {
        var origins = new List<(int, long)>();
        if (Directory.Exists(Path.Combine(lakeRoot, "DWH", "fact_sales")))
        {
            foreach (var row in DuckDb.Query($"SELECT source_file, source_offset FROM {DuckDb.Parts(lakeRoot, "fact_sales")}"))
            {
                Assert.True(LakeLayout.TryParseRawFileKey((string)row[0]!, out var file));
                origins.Add((file.Partition, (long)row[1]!));
            }
        }

        if (Directory.Exists(Path.Combine(lakeRoot, "DWH", "rejected")))
        {
            origins.AddRange(DuckDb.Query($"SELECT source_partition, source_offset FROM {DuckDb.Parts(lakeRoot, "rejected")}")
                .Select(r => ((int)r[0]!, (long)r[1]!)));
        }

        return origins;
    }
}
