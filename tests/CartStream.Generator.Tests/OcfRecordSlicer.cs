using CartStream.Events;
using CartStream.Events.Avro;

namespace CartStream.Generator.Tests;

/// <summary>
/// Cuts an uncompressed Avro container file into the exact bytes of each record (the label's payload), walking
/// the blocks as the Avro spec lays them out and finding record ends with the decoder.
/// </summary>
internal static class OcfRecordSlicer
{
    public static IEnumerable<(byte[] Payload, SalesEvent Event)> Records(byte[] file)
    {
        var position = 4;
        Assert.True(file.AsSpan(0, 4).SequenceEqual("Obj\u0001"u8), "not an Avro container file");
        for (var entries = ReadLong(file, ref position); entries != 0; entries = ReadLong(file, ref position))
        {
            for (var i = 0L; i < Math.Abs(entries); i++)
            {
                var keyLength = (int)ReadLong(file, ref position);
                position += keyLength;
                var valueLength = (int)ReadLong(file, ref position);
                var value = file.AsSpan(position, valueLength);
                position += valueLength;
                if (i == 0 && System.Text.Encoding.UTF8.GetString(value) is "deflate" or "snappy" or "zstandard")
                {
                    throw new InvalidOperationException("Only uncompressed files can be sliced into payloads.");
                }
            }
        }

        position += 16; // sync marker
        while (position < file.Length)
        {
            var count = ReadLong(file, ref position);
            var size = (int)ReadLong(file, ref position);
            var block = file.AsMemory(position, size);
            var offset = 0;
            for (var r = 0; r < count; r++)
            {
                var e = new SalesEvent();
                var length = SalesEventCodec.Read(block.Span[offset..], e);
                yield return (block.Span.Slice(offset, length).ToArray(), e);
                offset += length;
            }

            Assert.Equal(size, offset);
            position += size + 16;
        }
    }

    private static long ReadLong(byte[] data, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }
}
