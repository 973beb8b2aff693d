using System.Buffers.Binary;
using CartStream.Broker.Protocol;

namespace CartStream.Broker.Storage;

internal sealed partial class PartitionLog
{
    /// <summary>
    /// Writes the records field of a fetch answer (int32 size + whole stored batches) starting at the batch that
    /// holds <paramref name="offset"/>. Returns a protocol error code; on an error nothing is written.
    /// At least one whole batch is returned even when it is larger than <paramref name="maxBytes"/>, so a
    /// consumer with a small limit still makes progress.
    /// </summary>
    public short ReadInto(long offset, int maxBytes, KafkaWriter writer, out int bytesWritten)
    {
        bytesWritten = 0;
        var segments = _segments;
        var highWatermark = segments[^1].NextOffset;
        if (offset < segments[0].BaseOffset || offset > highWatermark)
        {
            return ErrorCode.OffsetOutOfRange;
        }

        var lengthAt = writer.ReserveInt32();
        if (offset == highWatermark)
        {
            return ErrorCode.None;
        }

        var segment = segments[0];
        foreach (var candidate in segments)
        {
            if (candidate.BaseOffset <= offset)
            {
                segment = candidate;
            }
        }

        try
        {
            bytesWritten = ReadBatches(segment, offset, maxBytes, writer);
        }
        catch (ObjectDisposedException)
        {
            // Retention or topic deletion closed the segment under this read: the client asks again.
            bytesWritten = 0;
        }

        writer.PatchInt32(lengthAt, bytesWritten);
        return ErrorCode.None;
    }

    private static int ReadBatches(LogSegment segment, long offset, int maxBytes, KafkaWriter writer)
    {
        var size = segment.Size;
        var position = segment.LookupPosition(offset);
        Span<byte> header = stackalloc byte[RecordBatch.HeaderSize];
        RecordBatch first;
        while (true)
        {
            if (position >= size || segment.Read(header, position) < header.Length || !RecordBatch.TryRead(header, out first))
            {
                return 0;
            }

            if (first.LastOffset >= offset)
            {
                break;
            }

            position += first.TotalSize;
        }

        var want = (int)Math.Min(size - position, Math.Max(maxBytes, first.TotalSize));
        var span = writer.GetSpan(want);
        var read = segment.Read(span, position);
        var cursor = 0;
        while (cursor + RecordBatch.HeaderSize <= read && RecordBatch.TryRead(span[cursor..], out var batch)
            && cursor + batch.TotalSize <= read)
        {
            cursor += batch.TotalSize;
        }

        writer.Advance(cursor);
        return cursor;
    }

    /// <summary>ListOffsets: the first offset whose batch holds a timestamp at or after <paramref name="timestamp"/>.</summary>
    public long OffsetForTimestamp(long timestamp)
    {
        var header = new byte[RecordBatch.HeaderSize];
        foreach (var segment in _segments)
        {
            if (segment.MaxTimestamp < timestamp)
            {
                continue;
            }

            long position = 0;
            var size = segment.Size;
            while (position < size && segment.Read(header, position) == header.Length && RecordBatch.TryRead(header, out var batch))
            {
                if (batch.MaxTimestamp >= timestamp)
                {
                    return batch.BaseOffset;
                }

                position += batch.TotalSize;
            }
        }

        return -1;
    }

    /// <summary>Deletes whole old segments beyond the retention limits; the active segment is always kept.</summary>
    public int ApplyRetention(long nowMs)
    {
        if (_options.RetentionMs < 0 && _options.RetentionBytes < 0)
        {
            return 0;
        }

        var deleted = 0;
        lock (_lock)
        {
            while (!_disposed && _segments.Length > 1)
            {
                var oldest = _segments[0];
                var total = _segments.Sum(s => s.Size);
                var tooOld = _options.RetentionMs >= 0 && oldest.MaxTimestamp >= 0 && oldest.MaxTimestamp < nowMs - _options.RetentionMs;
                var tooBig = _options.RetentionBytes >= 0 && total - oldest.Size >= _options.RetentionBytes;
                if (!tooOld && !tooBig)
                {
                    break;
                }

                _segments = _segments[1..];
                oldest.Delete();
                deleted++;
            }
        }

        return deleted;
    }

    internal static long ReadBaseOffset(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch);
}
