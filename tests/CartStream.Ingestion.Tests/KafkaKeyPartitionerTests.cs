using System.Text;

namespace CartStream.Ingestion.Tests;

public sealed class KafkaKeyPartitionerTests
{
    // Kafka's own vectors (UtilsTest.testMurmur2 in the Java client): a match means an order's lines land on
    // the partition a Java producer would pick.
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Murmur2_matches_the_Java_client(string key, int expected)
    {
        Assert.Equal(expected, KafkaKeyPartitioner.Murmur2(Encoding.UTF8.GetBytes(key)));
    }

    [Fact]
    public void Partition_is_the_positive_hash_modulo_the_partition_count()
    {
        var key = Encoding.UTF8.GetBytes("21");
        Assert.Equal((-973932308 & 0x7fffffff) % 6, KafkaKeyPartitioner.Partition(key, 6));
    }

    [Fact]
    public void Keys_spread_over_every_partition()
    {
        var counts = new int[6];
        for (var i = 0; i < 6000; i++)
        {
            counts[KafkaKeyPartitioner.Partition(Encoding.UTF8.GetBytes($"O{i:D8}"), 6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }
}
