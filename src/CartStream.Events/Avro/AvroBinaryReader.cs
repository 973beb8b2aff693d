using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace CartStream.Events.Avro;

/// <summary>
/// Reads Avro binary primitives from a span. Every read is bounds-checked: running past the end, an endless
/// varint, a negative length or invalid UTF-8 throws <see cref="AvroFormatException"/> with the offset, never an
/// <see cref="IndexOutOfRangeException"/>.
/// </summary>
public ref struct AvroBinaryReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _source;
    private int _position;

    /// <summary>Reads from the start of <paramref name="source"/>.</summary>
    public AvroBinaryReader(ReadOnlySpan<byte> source)
    {
        _source = source;
        _position = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => _source.Length - _position;

    /// <summary>Reads an Avro <c>boolean</c>; any byte other than 0 or 1 is an error.</summary>
    public bool ReadBoolean()
    {
        var start = _position;
        var value = ReadRaw(1)[0];
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new AvroFormatException($"Boolean byte must be 0 or 1, found {value}", start),
        };
    }

    /// <summary>Reads an Avro <c>int</c> (zig-zag varint, at most 5 bytes, must fit 32 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadInt()
    {
        var position = _position;
        if (position < _source.Length)
        {
            uint first = _source[position];
            if (first < 0x80)
            {
                _position = position + 1;
                return (int)(first >> 1) ^ -(int)(first & 1);
            }
        }

        return ReadIntSlow();
    }

    /// <summary>Reads an Avro <c>long</c> (zig-zag varint, at most 10 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadLong()
    {
        var position = _position;
        if (position < _source.Length)
        {
            ulong first = _source[position];
            if (first < 0x80)
            {
                _position = position + 1;
                return (long)(first >> 1) ^ -(long)(first & 1);
            }
        }

        return ReadLongSlow();
    }

    /// <summary>Reads a union branch index and checks it names one of <paramref name="branchCount"/> branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadUnionIndex(int branchCount)
    {
        var start = _position;
        var index = ReadInt();
        if ((uint)index >= (uint)branchCount)
        {
            throw new AvroFormatException($"Union branch {index} is out of range for a union of {branchCount} branches", start);
        }

        return index;
    }

    /// <summary>Reads an Avro <c>float</c>.</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(ReadRaw(4));

    /// <summary>Reads an Avro <c>double</c>.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadRaw(8));

    /// <summary>Reads Avro <c>bytes</c>; the result is a slice of the source, not a copy.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var start = _position;
        var length = ReadLong();
        if (length < 0)
        {
            throw new AvroFormatException($"Negative length {length}", start);
        }

        if (length > Remaining)
        {
            throw new AvroFormatException($"Length {length} runs past the end of the data ({Remaining} bytes left)", start);
        }

        return ReadRaw((int)length);
    }

    /// <summary>Reads <paramref name="count"/> raw bytes: an Avro <c>fixed</c>.</summary>
    public ReadOnlySpan<byte> ReadFixed(int count) => ReadRaw(count);

    /// <summary>Reads an Avro <c>string</c> as its UTF-8 bytes, without decoding or allocating.</summary>
    public ReadOnlySpan<byte> ReadUtf8String() => ReadBytes();

    /// <summary>Reads an Avro <c>string</c>; bytes that are not valid UTF-8 are an error, not replaced.</summary>
    public string ReadString()
    {
        var start = _position;
        var utf8 = ReadBytes();
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new AvroFormatException("String is not valid UTF-8", start, e);
        }
    }

    /// <summary>
    /// Reads a string of a field with few distinct values, returning a shared instance for repeated values instead
    /// of allocating each time.
    /// </summary>
    internal string ReadLowCardinalityString()
    {
        var start = _position;
        var utf8 = ReadBytes();
        try
        {
            return utf8.IsEmpty ? string.Empty : AvroStringCache.Get(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new AvroFormatException("String is not valid UTF-8", start, e);
        }
    }

    /// <summary>Reads a <c>uuid</c> logical value (a string in the 36-char hyphenated form).</summary>
    public Guid ReadUuid()
    {
        var start = _position;
        var text = ReadBytes();
        if (text.Length == 36)
        {
            Span<char> chars = stackalloc char[36];
            var ascii = true;
            for (var i = 0; i < 36; i++)
            {
                ascii &= text[i] < 0x80;
                chars[i] = (char)text[i];
            }

            if (ascii && Guid.TryParseExact(chars, "D", out var value))
            {
                return value;
            }
        }

        throw new AvroFormatException("A uuid must be a 36-char hyphenated string", start);
    }

    /// <summary>Reads a <c>timestamp-millis</c> value as a UTC <see cref="DateTime"/>.</summary>
    public DateTime ReadTimestampMillis()
    {
        var start = _position;
        var millis = ReadLong();
        return AvroTime.TryFromUnixMillis(millis, out var value)
            ? value
            : throw new AvroFormatException($"timestamp-millis {millis} is outside the range of DateTime", start);
    }

    /// <summary>Reads a <c>date</c> value.</summary>
    public DateOnly ReadDate()
    {
        var start = _position;
        var days = ReadInt();
        return AvroTime.TryFromEpochDays(days, out var value)
            ? value
            : throw new AvroFormatException($"date {days} days from 1970-01-01 is outside the range of DateOnly", start);
    }

    /// <summary>Reads a <c>decimal</c> logical value on <c>bytes</c> at <paramref name="scale"/>.</summary>
    public decimal ReadDecimal(int scale)
    {
        var start = _position;
        var bytes = ReadBytes();
        return AvroDecimal.TryRead(bytes, scale, out var value)
            ? value
            : throw new AvroFormatException($"Decimal of {bytes.Length} bytes at scale {scale} does not fit a .NET decimal", start);
    }

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    public void Skip(int count) => ReadRaw(count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> ReadRaw(int count)
    {
        if ((uint)count > (uint)(_source.Length - _position))
        {
            ThrowTruncated(count);
        }

        var slice = _source.Slice(_position, count);
        _position += count;
        return slice;
    }

    private int ReadIntSlow()
    {
        var start = _position;
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _source.Length)
            {
                throw new AvroFormatException("Data ends inside an int", start);
            }

            uint b = _source[_position++];
            if (shift == 28 && b > 0x0F)
            {
                throw new AvroFormatException("Int varint does not fit 32 bits", start);
            }

            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)(result >> 1) ^ -(int)(result & 1);
            }
        }

        throw new AvroFormatException("Int varint is longer than 5 bytes", start);
    }

    private long ReadLongSlow()
    {
        var start = _position;
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _source.Length)
            {
                throw new AvroFormatException("Data ends inside a long", start);
            }

            ulong b = _source[_position++];
            if (shift == 63 && b > 0x01)
            {
                throw new AvroFormatException("Long varint does not fit 64 bits", start);
            }

            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)(result >> 1) ^ -(long)(result & 1);
            }
        }

        throw new AvroFormatException("Long varint is longer than 10 bytes", start);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowTruncated(int count) =>
        throw new AvroFormatException($"Data ends early: {count} bytes needed, {_source.Length - _position} left", _position);
}
