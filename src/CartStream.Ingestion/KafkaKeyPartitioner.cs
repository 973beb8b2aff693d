namespace CartStream.Ingestion;

/// <summary>
/// The partition a key belongs to, computed the way Kafka's Java clients (and librdkafka's
/// <c>murmur2_random</c>) do: <c>(murmur2(key) &amp; 0x7fffffff) % partitions</c>.
/// </summary>
/// <remarks>
/// The producer picks partitions itself rather than leaving it to the client, because resuming after a crash
/// needs to know, for every generator sequence, which partition it went to (see <see cref="ResumePoint"/>).
/// Using the Java algorithm keeps an order's lines on the partition any other Kafka producer would choose.
/// </remarks>
public static class KafkaKeyPartitioner
{
    /// <summary>The partition of <paramref name="key"/> among <paramref name="partitionCount"/> partitions.</summary>
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        return (int)((Murmur2(key) & 0x7fffffff) % (uint)partitionCount);
    }

    /// <summary>Kafka's 32-bit murmur2 hash (seed 0x9747b28c).</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint M = 0x5bd1e995;
        const int R = 24;
        var length = data.Length;
        var h = 0x9747b28c ^ (uint)length;

        var i = 0;
        for (; i + 4 <= length; i += 4)
        {
            var k = (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            k *= M;
            k ^= k >> R;
            k *= M;
            h *= M;
            h ^= k;
        }

        switch (length - i)
        {
            case 3:
                h ^= (uint)data[i + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[i + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[i];
                h *= M;
                break;
        }

        h ^= h >> 13;
        h *= M;
        h ^= h >> 15;
        return (int)h;
    }
}
