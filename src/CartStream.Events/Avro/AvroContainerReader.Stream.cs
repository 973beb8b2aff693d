using System.Text;

namespace CartStream.Events.Avro;

/// <summary>Header parsing and the byte-level reads from the stream, which track the file offset for errors.</summary>
public sealed partial class AvroContainerReader
{
    private Dictionary<string, byte[]> ReadHeader()
    {
        Span<byte> magic = stackalloc byte[4];
        if (_input.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !magic.SequenceEqual(AvroContainerWriter.Magic))
        {
            throw HeaderError("Not an Avro container file: it does not start with 'Obj' 0x01.");
        }

        _position = 4;
        var metadata = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (true)
        {
            ReadLong(out var count, null);
            if (count == 0)
            {
                break;
            }

            if (count < 0)
            {
                ReadLong(out _, null); // a negative count is followed by the block's byte size
                count = -count;
            }

            for (var i = 0L; i < count; i++)
            {
                var key = DecodeUtf8(ReadSizedBytes(), "a metadata key");
                metadata[key] = ReadSizedBytes();
            }
        }

        ReadExactly(_syncMarker, null, "the header's sync marker is missing");
        return metadata;
    }

    private byte[] ReadSizedBytes()
    {
        ReadLong(out var length, null);
        if (length < 0 || length > MaxMetadataEntryBytes)
        {
            throw HeaderError($"Invalid metadata length {length}.");
        }

        var bytes = new byte[length];
        ReadExactly(bytes, null, $"a metadata entry declares {length} bytes");
        return bytes;
    }

    private string DecodeUtf8(byte[] bytes, string what)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw HeaderError($"{what} is not valid UTF-8.", e);
        }
    }

    private void ReadLong(out long value, long? blockOffset)
    {
        TryReadLong(out value, allowEnd: false, blockOffset);
    }

    /// <summary>Reads a zig-zag varint byte by byte from the stream; <paramref name="blockOffset"/> null means header.</summary>
    private bool TryReadLong(out long value, bool allowEnd, long? blockOffset)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = _input.ReadByte();
            if (b < 0)
            {
                if (shift == 0 && allowEnd)
                {
                    value = 0;
                    return false;
                }

                throw Truncated(blockOffset, "the file ends inside a number");
            }

            _position++;
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                value = (long)(result >> 1) ^ -(long)(result & 1);
                return true;
            }
        }

        throw blockOffset is { } offset ? BlockError("A number is longer than 10 bytes.", offset) : HeaderError("A number is longer than 10 bytes.");
    }

    private void ReadExactly(Span<byte> destination, long? blockOffset, string what)
    {
        var read = _input.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        _position += read;
        if (read < destination.Length)
        {
            throw Truncated(blockOffset, $"{what}, but the file ends {destination.Length - read} bytes short");
        }
    }
}
