using System.Globalization;
using CartStream.Lake.Storage;
using Parquet;

namespace CartStream.Retention.Tests.Support;

/// <summary>The (topic, partition, offset) of every row of model files, read with Parquet.Net directly, independent of retention's reader.</summary>
internal static class RowLineage
{
    public static async Task<List<(string Topic, int Partition, long Offset)>> ReadAsync(IObjectStore store, IEnumerable<string> keys, CancellationToken ct)
    {
        var rows = new List<(string, int, long)>();
        foreach (var key in keys)
        {
            using var stream = new MemoryStream(await store.ReadAllBytesAsync(key, ct));
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
            var fields = reader.Schema.GetDataFields();
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                var count = (int)rowGroup.RowCount;
                var files = new string?[count];
                var offsets = new long[count];
                var partitions = new int[count];
                await rowGroup.ReadAsync(fields.Single(f => f.Name == "source_file"), files.AsMemory(), null, ct);
                await rowGroup.ReadAsync(fields.Single(f => f.Name == "source_offset"), offsets.AsMemory(), null, ct);
                var partitionField = fields.SingleOrDefault(f => f.Name == "source_partition");
                if (partitionField is not null)
                {
                    await rowGroup.ReadAsync(partitionField, partitions.AsMemory(), null, ct);
                }

                for (var row = 0; row < count; row++)
                {
                    // topics/<topic>[-dlq]/partition=<p>/<topic>[-dlq]+<p>+<start>.avro
                    var name = files[row]!.Split('/')[^1].Split('+');
                    var topic = name[0].EndsWith("-dlq", StringComparison.Ordinal) ? name[0][..^4] : name[0];
                    var partition = partitionField is null ? int.Parse(name[1], CultureInfo.InvariantCulture) : partitions[row];
                    rows.Add((topic, partition, offsets[row]));
                }
            }
        }

        return rows;
    }
}
