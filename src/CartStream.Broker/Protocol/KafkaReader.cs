using System.Buffers.Binary;
using System.Text;

namespace CartStream.Broker.Protocol;

/// <summary>
/// Reads the big-endian primitives of the Kafka protocol from one request body. Every read checks bounds and
/// throws <see cref="MalformedRequestException"/>, so a truncated or hostile frame never reads past its end.
/// </summary>
internal sealed class KafkaReader(ReadOnlyMemory<byte> buffer)
{
    private readonly ReadOnlyMemory<byte> _buffer = buffer;
    private int _position;

    public int Position => _position;

    public int Remaining => _buffer.Length - _position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new MalformedRequestException($"Needs {count} bytes at {_position}, {Remaining} left.");
        }

        var span = _buffer.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    public bool ReadBool() => Take(1)[0] != 0;

    public sbyte ReadInt8() => (sbyte)Take(1)[0];

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public uint ReadUnsignedVarInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new MalformedRequestException("Varint longer than 5 bytes.");
    }

    public string ReadString() => ReadNullableString() ?? throw new MalformedRequestException("Null where a string is required.");

    public string? ReadNullableString()
    {
        var length = ReadInt16();
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    public string ReadCompactString() => ReadCompactNullableString() ?? throw new MalformedRequestException("Null where a string is required.");

    public string? ReadCompactNullableString()
    {
        var length = (int)ReadUnsignedVarInt() - 1;
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Bytes with an int32 length; the result aliases the request buffer (no copy).</summary>
    public ReadOnlyMemory<byte>? ReadNullableBytes()
    {
        var length = ReadInt32();
        if (length < 0)
        {
            return null;
        }

        Take(length);
        return _buffer.Slice(_position - length, length);
    }

    public ReadOnlyMemory<byte> ReadBytes() => ReadNullableBytes() ?? throw new MalformedRequestException("Null where bytes are required.");

    /// <summary>An array length: -1 is null; a count larger than the bytes left is refused before allocating.</summary>
    public int ReadArrayLength(int minimumElementSize = 1)
    {
        var count = ReadInt32();
        CheckCount(count, minimumElementSize);
        return count;
    }

    public int ReadCompactArrayLength(int minimumElementSize = 1)
    {
        var count = (int)ReadUnsignedVarInt() - 1;
        CheckCount(count, minimumElementSize);
        return count;
    }

    private void CheckCount(int count, int minimumElementSize)
    {
        if (count < -1 || (long)count * minimumElementSize > Remaining)
        {
            throw new MalformedRequestException($"Array of {count} elements cannot fit in {Remaining} bytes.");
        }
    }

    /// <summary>Skips a tagged-field section: the broker understands none of the optional tags it may receive.</summary>
    public void SkipTaggedFields()
    {
        var count = ReadUnsignedVarInt();
        for (var i = 0u; i < count; i++)
        {
            ReadUnsignedVarInt();
            var size = (int)ReadUnsignedVarInt();
            Take(size);
        }
    }

    public List<T> ReadArray<T>(Func<KafkaReader, T> readElement, int minimumElementSize = 1)
    {
        var count = ReadArrayLength(minimumElementSize);
        var list = new List<T>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(this));
        }

        return list;
    }

    /// <summary>An array that may be null (-1), returned as null.</summary>
    public List<T>? ReadNullableArray<T>(Func<KafkaReader, T> readElement, int minimumElementSize = 1)
    {
        var count = ReadArrayLength(minimumElementSize);
        if (count < 0)
        {
            return null;
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(this));
        }

        return list;
    }
}
