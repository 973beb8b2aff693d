using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace CartStream.Events.Avro;

/// <summary>
/// Writes Avro binary primitives (spec 1.12, "Binary Encoding") into a span or an <see cref="IBufferWriter{T}"/>,
/// without allocating. Over a buffer writer, bytes are committed with <see cref="Flush"/> (or when more room is
/// needed); over a span, running out of room throws.
/// </summary>
public ref struct AvroBinaryWriter
{
    // Two-byte length prefixes cover strings up to 8191 bytes (zig-zag 16383), enough for every field we write.
    private const int TwoByteVarintMax = 8191;

    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _span;
    private int _position;
    private long _committed;

    /// <summary>Writes into <paramref name="output"/>, asking it for room as needed.</summary>
    public AvroBinaryWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _span = default;
    }

    /// <summary>Writes into a fixed destination; writing past its end throws <see cref="ArgumentException"/>.</summary>
    public AvroBinaryWriter(Span<byte> destination)
    {
        _output = null;
        _span = destination;
    }

    /// <summary>Bytes written so far, committed or not.</summary>
    public readonly long BytesWritten => _committed + _position;

    /// <summary>Bytes written into the current span and not yet committed to the buffer writer.</summary>
    public readonly int BytesPending => _position;

    /// <summary>Commits pending bytes to the buffer writer (no-op over a span).</summary>
    public void Flush()
    {
        if (_output is not null && _position > 0)
        {
            _output.Advance(_position);
            _committed += _position;
            _span = default;
            _position = 0;
        }
    }

    /// <summary>Writes an Avro <c>boolean</c>: one byte, 0 or 1.</summary>
    public void WriteBoolean(bool value)
    {
        Ensure(1);
        _span[_position++] = value ? (byte)1 : (byte)0;
    }

    /// <summary>Writes an Avro <c>int</c> as a zig-zag varint (1 to 5 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt(int value) => WriteVarint((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes an Avro <c>long</c> as a zig-zag varint (1 to 10 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLong(long value) => WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes the 0-based branch index of a union value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUnionIndex(int branch) => WriteInt(branch);

    /// <summary>Writes an Avro <c>float</c>: 4 bytes, little-endian IEEE 754.</summary>
    public void WriteFloat(float value)
    {
        Ensure(4);
        BinaryPrimitives.WriteSingleLittleEndian(_span[_position..], value);
        _position += 4;
    }

    /// <summary>Writes an Avro <c>double</c>: 8 bytes, little-endian IEEE 754.</summary>
    public void WriteDouble(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_span[_position..], value);
        _position += 8;
    }

    /// <summary>Writes Avro <c>bytes</c>: a long length, then the bytes.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> value)
    {
        WriteLong(value.Length);
        WriteFixed(value);
    }

    /// <summary>Writes raw bytes with no length: an Avro <c>fixed</c>, or already-encoded data.</summary>
    public void WriteFixed(scoped ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_span[_position..]);
        _position += value.Length;
    }

    /// <summary>
    /// Writes an Avro <c>string</c>: a long byte length, then UTF-8. Lone surrogates become U+FFFD, as in
    /// <see cref="Encoding.UTF8"/> (and Apache.Avro).
    /// </summary>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        // UTF-16 to UTF-8 takes at most 3 bytes per char; encoding straight behind a guessed 1- or 2-byte length
        // prefix avoids a second pass over the text to count its bytes first.
        var maxBytes = (long)value.Length * 3;
        var room = _span.Length - _position;
        if (maxBytes <= 63 && room >= 1 + maxBytes)
        {
            var written = Transcode(value, _span[(_position + 1)..]);
            _span[_position] = (byte)(written << 1);
            _position += 1 + written;
        }
        else if (maxBytes <= TwoByteVarintMax && room >= 2 + maxBytes)
        {
            var written = Transcode(value, _span[(_position + 2)..]);
            if (written <= 63)
            {
                _span.Slice(_position + 2, written).CopyTo(_span[(_position + 1)..]);
                _span[_position] = (byte)(written << 1);
                _position += 1 + written;
            }
            else
            {
                var zigzag = (uint)written << 1;
                _span[_position] = (byte)(zigzag | 0x80);
                _span[_position + 1] = (byte)(zigzag >> 7);
                _position += 2 + written;
            }
        }
        else
        {
            var count = Encoding.UTF8.GetByteCount(value);
            WriteLong(count);
            Ensure(count);
            _position += Transcode(value, _span[_position..]);
        }
    }

    /// <summary>UTF-16 to UTF-8 into room known to be large enough; about twice as fast as Encoding.UTF8.GetBytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Transcode(ReadOnlySpan<char> value, Span<byte> destination)
    {
        // Lone surrogates become U+FFFD, exactly as Encoding.UTF8 (and so Apache.Avro) writes them.
        Utf8.FromUtf16(value, destination, out _, out var written, replaceInvalidSequences: true);
        return written;
    }

    /// <summary>Writes an Avro <c>string</c> from bytes that already are UTF-8.</summary>
    public void WriteUtf8String(scoped ReadOnlySpan<byte> utf8) => WriteBytes(utf8);

    /// <summary>Writes a <c>uuid</c> logical value: the 36-char lower-case hyphenated string.</summary>
    public void WriteUuid(Guid value)
    {
        Ensure(37);
        _span[_position] = 36 << 1;
        value.TryFormat(_span.Slice(_position + 1, 36), out _, "D");
        _position += 37;
    }

    /// <summary>Writes a <c>timestamp-millis</c> value: UTC milliseconds since the Unix epoch.</summary>
    /// <remarks>
    /// Local times are converted to UTC; unspecified kinds are taken as UTC already. Sub-millisecond ticks are
    /// dropped (rounded down), the precision the schema declares.
    /// </remarks>
    public void WriteTimestampMillis(DateTime value) => WriteLong(AvroTime.ToUnixMillis(value));

    /// <summary>Writes a <c>date</c> value: days since 1970-01-01.</summary>
    public void WriteDate(DateOnly value) => WriteInt(value.DayNumber - AvroTime.EpochDayNumber);

    /// <summary>
    /// Writes a <c>decimal</c> logical value on <c>bytes</c>: the unscaled value at <paramref name="scale"/> as
    /// minimal big-endian two's complement. A value with more decimal places than the scale, or more digits than
    /// the precision, is rejected rather than rounded.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit the declared scale or precision.</exception>
    public void WriteDecimal(decimal value, int scale, int precision, string fieldName = "decimal")
    {
        // A 38-digit unscaled value takes at most 16 bytes, plus a one-byte length.
        if (_output is not null || _span.Length - _position >= 17)
        {
            Ensure(17);
            _position = AvroSpanWriter.WriteDecimal(_span, _position, value, scale, precision, fieldName);
            return;
        }

        // Near the end of a fixed span: encode aside so that only the real length has to fit.
        Span<byte> encoded = stackalloc byte[17];
        WriteFixed(encoded[..AvroSpanWriter.WriteDecimal(encoded, 0, value, scale, precision, fieldName)]);
    }

    // A 32-bit twin of the 64-bit loop below: most fields are ints and lengths, and the narrower loop is
    // what keeps encode at zero allocation and ~250 ns per event.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteVarint(uint value)
    {
        Ensure(VarintLength(value));
        var span = _span;
        var position = _position;
        while (value >= 0x80)
        {
            span[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[position++] = (byte)value;
        _position = position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteVarint(ulong value)
    {
        Ensure(VarintLength(value));
        var span = _span;
        var position = _position;
        while (value >= 0x80)
        {
            span[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[position++] = (byte)value;
        _position = position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VarintLength(ulong value) => (BitOperations.Log2(value | 1) / 7) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int count)
    {
        if (_span.Length - _position < count)
        {
            Grow(count);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        if (_output is null)
        {
            throw new ArgumentException(
                $"The destination span is too small: {count} more bytes needed after {_position} written.");
        }

        Flush();
        _span = _output.GetSpan(Math.Max(count, 4096));
        if (_span.Length < count)
        {
            throw new InvalidOperationException($"The buffer writer returned {_span.Length} bytes when {count} were asked for.");
        }
    }
}
