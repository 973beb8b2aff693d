using System.Buffers.Binary;

namespace CartStream.Broker.Storage;

/// <summary>
/// The fixed header of a record batch (magic 2), read in place. The broker never decodes the records inside:
/// batches are stored and served exactly as the producer compressed them, with only the base offset rewritten.
/// </summary>
internal readonly struct RecordBatch
{
    /// <summary>Bytes before the records: offset, length, epoch, magic, crc, attributes ... record count.</summary>
    public const int HeaderSize = 61;

    /// <summary>The length field counts everything after itself: base offset (8) and length (4) are outside.</summary>
    public const int LogOverhead = 12;

    private const int CrcStart = 21;
    private const short TransactionalFlag = 0x10;
    private const short ControlFlag = 0x20;

    private RecordBatch(long baseOffset, int totalSize, sbyte magic, uint crc, short attributes, int lastOffsetDelta,
        long maxTimestamp, long producerId, short producerEpoch, int baseSequence)
    {
        BaseOffset = baseOffset;
        TotalSize = totalSize;
        Magic = magic;
        Crc = crc;
        Attributes = attributes;
        LastOffsetDelta = lastOffsetDelta;
        MaxTimestamp = maxTimestamp;
        ProducerId = producerId;
        ProducerEpoch = producerEpoch;
        BaseSequence = baseSequence;
    }

    public long BaseOffset { get; }

    /// <summary>The whole batch on disk, header included.</summary>
    public int TotalSize { get; }

    public sbyte Magic { get; }

    public uint Crc { get; }

    public short Attributes { get; }

    public int LastOffsetDelta { get; }

    public long MaxTimestamp { get; }

    public long ProducerId { get; }

    public short ProducerEpoch { get; }

    public int BaseSequence { get; }

    public long LastOffset => BaseOffset + LastOffsetDelta;

    public int RecordCount => LastOffsetDelta + 1;

    public int LastSequence => BaseSequence < 0 ? -1 : (int)(((long)BaseSequence + LastOffsetDelta) % ((long)int.MaxValue + 1));

    public bool IsTransactional => (Attributes & TransactionalFlag) != 0;

    public bool IsControl => (Attributes & ControlFlag) != 0;

    /// <summary>Reads the header; false when fewer than <see cref="HeaderSize"/> bytes are given or the length is impossible.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out RecordBatch batch)
    {
        batch = default;
        if (data.Length < HeaderSize)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(data[8..]);
        if (length < HeaderSize - LogOverhead || length > int.MaxValue - LogOverhead)
        {
            return false;
        }

        batch = new RecordBatch(
            BinaryPrimitives.ReadInt64BigEndian(data),
            length + LogOverhead,
            (sbyte)data[16],
            BinaryPrimitives.ReadUInt32BigEndian(data[17..]),
            BinaryPrimitives.ReadInt16BigEndian(data[21..]),
            BinaryPrimitives.ReadInt32BigEndian(data[23..]),
            BinaryPrimitives.ReadInt64BigEndian(data[35..]),
            BinaryPrimitives.ReadInt64BigEndian(data[43..]),
            BinaryPrimitives.ReadInt16BigEndian(data[51..]),
            BinaryPrimitives.ReadInt32BigEndian(data[53..]));
        return true;
    }

    /// <summary>True when the stored CRC matches the bytes from the attributes to the end of the batch.</summary>
    public static bool HasValidCrc(ReadOnlySpan<byte> wholeBatch, uint expected) =>
        Crc32C.Compute(wholeBatch[CrcStart..]) == expected;

    public static void WriteBaseOffset(Span<byte> batch, long baseOffset) =>
        BinaryPrimitives.WriteInt64BigEndian(batch, baseOffset);
}
