using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace CartStream.Events.Avro;

/// <summary>
/// The record encoder's inner loop: the same encodings as <see cref="AvroBinaryWriter"/>, as static methods over a
/// span the caller has already sized for the whole record (see SalesEventCodec.GetMaxEncodedLength). Passing the span
/// and position by value keeps both in registers, which a ref struct passed by reference does not; that is most of
/// the encoder's speed.
/// </summary>
internal static class AvroSpanWriter
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteInt(Span<byte> span, int position, int value) =>
        WriteVarint(span, position, (uint)((value << 1) ^ (value >> 31)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteLong(Span<byte> span, int position, long value)
    {
        var n = (ulong)((value << 1) ^ (value >> 63));
        while (n >= 0x80)
        {
            span[position++] = (byte)(n | 0x80);
            n >>= 7;
        }

        span[position++] = (byte)n;
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteVarint(Span<byte> span, int position, uint value)
    {
        while (value >= 0x80)
        {
            span[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[position++] = (byte)value;
        return position;
    }

    /// <summary>A <c>["null","string"]</c> union value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteNullableString(Span<byte> span, int position, string? value)
    {
        if (value is null)
        {
            span[position] = 0;
            return position + 1;
        }

        span[position] = 2; // branch 1, zig-zag encoded
        return WriteString(span, position + 1, value);
    }

    /// <summary>A string, UTF-8 behind its length; room for 3 bytes per char plus the prefix is guaranteed.</summary>
    public static int WriteString(Span<byte> span, int position, string value)
    {
        if (value.Length <= 21)
        {
            // At most 63 bytes: the zig-zag length fits one byte, so encode straight behind it.
            Utf8.FromUtf16(value, span[(position + 1)..], out _, out var written, replaceInvalidSequences: true);
            span[position] = (byte)(written << 1);
            return position + 1 + written;
        }

        if (value.Length <= 2730)
        {
            // At most 8190 bytes: a two-byte length; shift left by one when the text turned out short.
            Utf8.FromUtf16(value, span[(position + 2)..], out _, out var written, replaceInvalidSequences: true);
            if (written <= 63)
            {
                span.Slice(position + 2, written).CopyTo(span[(position + 1)..]);
                span[position] = (byte)(written << 1);
                return position + 1 + written;
            }

            var zigzag = (uint)written << 1;
            span[position] = (byte)(zigzag | 0x80);
            span[position + 1] = (byte)(zigzag >> 7);
            return position + 2 + written;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        position = WriteLong(span, position, count);
        Utf8.FromUtf16(value, span[position..], out _, out var longWritten, replaceInvalidSequences: true);
        return position + longWritten;
    }

    public static int WriteUuid(Span<byte> span, int position, Guid value)
    {
        span[position] = 36 << 1;
        value.TryFormat(span.Slice(position + 1, 36), out _, "D");
        return position + 37;
    }

    public static int WriteDecimal(Span<byte> span, int position, decimal value, int scale, int precision, string fieldName)
    {
        if (AvroDecimal.TryToUnscaled64(value, scale, precision, fieldName, out var small))
        {
            var smallLength = AvroDecimal.MinimalLength(small);
            span[position] = (byte)(smallLength << 1);
            AvroDecimal.WriteBigEndian(small, span.Slice(position + 1, smallLength));
            return position + 1 + smallLength;
        }

        var unscaled = AvroDecimal.ToUnscaled(value, scale, precision, fieldName);
        var length = AvroDecimal.MinimalLength(unscaled);
        span[position] = (byte)(length << 1);
        AvroDecimal.WriteBigEndian(unscaled, span.Slice(position + 1, length));
        return position + 1 + length;
    }
}
