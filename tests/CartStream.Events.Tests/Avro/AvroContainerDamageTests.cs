using CartStream.Events.Avro;
using CartStream.Testing;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

public sealed class AvroContainerDamageTests
{
    [Theory]
    [InlineData(AvroCodec.Null)]
    [InlineData(AvroCodec.Deflate)]
    [InlineData(AvroCodec.Snappy)]
    [InlineData(AvroCodec.Zstandard)]
    public void A_file_cut_short_anywhere_inside_a_block_fails_with_the_file_name_and_block(AvroCodec codec)
    {
        var (file, blockEnds) = WriteSample(codec, events: 30, blockRecords: 8);
        var headerEnd = HeaderLength(file);

        foreach (var length in CutPoints(file.Length, headerEnd, blockEnds))
        {
            var completeBlocks = blockEnds.Count(end => end <= length);
            if (length == headerEnd || blockEnds.Contains(length))
            {
                // A cut exactly between blocks leaves a shorter valid file: Avro cannot tell.
                using var reader = new AvroContainerReader(new MemoryStream(file[..length]), "cut.avro");
                Assert.Equal(completeBlocks, reader.ReadBlocks().Count());
                continue;
            }

            var error = Assert.Throws<AvroContainerException>(() =>
            {
                using var reader = new AvroContainerReader(new MemoryStream(file[..length]), "cut.avro");
                reader.ReadEvents().ToList();
            });
            Assert.Contains("'cut.avro'", error.Message, StringComparison.Ordinal);
            if (length < headerEnd)
            {
                Assert.Null(error.BlockIndex);
                Assert.Contains("header", error.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(completeBlocks, error.BlockIndex);
                Assert.Contains($"block {completeBlocks} at byte offset {error.Offset}", error.Message, StringComparison.Ordinal);
                Assert.Equal(completeBlocks == 0 ? headerEnd : blockEnds[completeBlocks - 1], error.Offset);
            }
        }
    }

    [Fact]
    public void A_truncated_file_opened_by_path_names_the_path_and_the_block()
    {
        using var temp = new TempDirectory("avro-damage");
        var (file, blockEnds) = WriteSample(AvroCodec.Deflate, events: 20, blockRecords: 5);
        var path = temp.Combine("truncated.avro");
        File.WriteAllBytes(path, file[..(blockEnds[1] + 7)]);

        using var reader = AvroContainerReader.Open(path);
        var error = Assert.Throws<AvroContainerException>(() => reader.ReadEvents().ToList());
        Assert.Equal(path, error.FileName);
        Assert.StartsWith($"Avro file '{path}', block 2 at byte offset {blockEnds[1]}: Truncated file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AvroCodec.Null)]
    [InlineData(AvroCodec.Deflate)]
    [InlineData(AvroCodec.Snappy)]
    [InlineData(AvroCodec.Zstandard)]
    public void A_corrupt_byte_anywhere_gives_at_worst_an_AvroContainerException(AvroCodec codec)
    {
        var (file, _) = WriteSample(codec, events: 12, blockRecords: 5);
        Gen.Select(Gen.Int[0, file.Length - 1], Gen.Byte[1, 255]).Sample(
            (position, mask) =>
            {
                var damaged = file.ToArray();
                damaged[position] ^= mask;
                try
                {
                    using var reader = new AvroContainerReader(new MemoryStream(damaged), "damaged.avro");
                    if (reader.IsSalesEventV1)
                    {
                        _ = reader.ReadEvents().Count();
                    }
                    else
                    {
                        _ = reader.ReadRecords().Count();
                    }
                }
                catch (AvroContainerException e)
                {
                    Assert.Contains("damaged.avro", e.Message, StringComparison.Ordinal);
                }
            },
            iter: 300);
    }

    [Fact]
    public void A_snappy_block_whose_data_changed_fails_its_checksum()
    {
        var (file, blockEnds) = WriteSample(AvroCodec.Snappy, events: 5, blockRecords: 5);
        var damaged = file.ToArray();
        // The last byte of the CRC, just before the block's sync marker.
        damaged[blockEnds[0] - AvroContainerWriter.SyncLength - 1] ^= 0x01;

        using var reader = new AvroContainerReader(new MemoryStream(damaged), "one-block.avro");
        var error = Assert.Throws<AvroContainerException>(() => reader.ReadEvents().ToList());
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.BlockIndex);
    }

    [Fact]
    public void A_file_that_is_not_avro_fails_in_the_header()
    {
        var error = Assert.Throws<AvroContainerException>(() => new AvroContainerReader(new MemoryStream("PAR1 not avro"u8.ToArray()), "x.parquet"));
        Assert.Contains("x.parquet", error.Message, StringComparison.Ordinal);
        Assert.Null(error.BlockIndex);
    }

    /// <summary>A small file plus the offset where each of its blocks ends (after its sync marker).</summary>
    private static (byte[] File, int[] BlockEnds) WriteSample(AvroCodec codec, int events, int blockRecords)
    {
        var values = SalesEventGen.Event.Array[events].Single();
        var stream = new MemoryStream();
        var ends = new List<int>();
        using (var writer = new AvroContainerWriter(stream, SalesEventSchema.Json, codec, new AvroContainerWriterOptions { BlockMaxRecords = blockRecords, LeaveOpen = true }))
        {
            foreach (var value in values)
            {
                var blocks = writer.BlockCount;
                writer.Write(value);
                if (writer.BlockCount != blocks)
                {
                    ends.Add((int)stream.Length);
                }
            }

            writer.Flush();
            if (ends.Count == 0 || ends[^1] != stream.Length)
            {
                ends.Add((int)stream.Length);
            }
        }

        return (stream.ToArray(), [.. ends]);
    }

    /// <summary>Every cut in the header and around each block boundary, and 150 more spread over the rest.</summary>
    private static IEnumerable<int> CutPoints(int fileLength, int headerEnd, int[] blockEnds)
    {
        var points = new SortedSet<int>(Enumerable.Range(0, headerEnd + 40));
        foreach (var end in blockEnds)
        {
            points.UnionWith(Enumerable.Range(Math.Max(0, end - 20), 40));
        }

        var stride = Math.Max(1, fileLength / 150);
        points.UnionWith(Enumerable.Range(0, fileLength / stride).Select(i => i * stride));
        return points.Where(p => p < fileLength);
    }

    private static int HeaderLength(byte[] file)
    {
        using var reader = new AvroContainerReader(new MemoryStream(file));
        return (int)reader.ReadBlocks().First().Offset;
    }
}
