using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CartStream.Broker.Protocol;

/// <summary>
/// Builds one response frame in a pooled buffer: the 4-byte size prefix is reserved first and filled in by
/// <see cref="Complete"/>, so the frame goes to the socket in one write.
/// </summary>
internal sealed class KafkaWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public KafkaWriter(int initialCapacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        _length = 4;
    }

    public int Length => _length;

    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _buffer.AsSpan(_length, size);
    }

    public void Advance(int count) => _length += count;

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void WriteBool(bool value) => WriteInt8((sbyte)(value ? 1 : 0));

    public void WriteInt8(sbyte value)
    {
        GetSpan(1)[0] = (byte)value;
        _length += 1;
    }

    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(GetSpan(2), value);
        _length += 2;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(GetSpan(4), value);
        _length += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(GetSpan(8), value);
        _length += 8;
    }

    /// <summary>Reserves an int32 to be filled in later (an array count known only after writing it).</summary>
    public int ReserveInt32()
    {
        var at = _length;
        WriteInt32(0);
        return at;
    }

    public void PatchInt16(int at, short value) => BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(at, 2), value);

    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at, 4), value);

    public void WriteUnsignedVarInt(uint value)
    {
        while (value >= 0x80)
        {
            GetSpan(1)[0] = (byte)(value | 0x80);
            _length++;
            value >>= 7;
        }

        GetSpan(1)[0] = (byte)value;
        _length++;
    }

    public void WriteString(string value) => WriteNullableString(value);

    public void WriteNullableString(string? value)
    {
        if (value is null)
        {
            WriteInt16(-1);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        WriteInt16((short)count);
        Encoding.UTF8.GetBytes(value, GetSpan(count));
        _length += count;
    }

    public void WriteCompactString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteUnsignedVarInt((uint)count + 1);
        Encoding.UTF8.GetBytes(value, GetSpan(count));
        _length += count;
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        WriteRaw(value);
    }

    public void WriteNullableBytes(ReadOnlyMemory<byte>? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        WriteBytes(value.Value.Span);
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(GetSpan(value.Length));
        _length += value.Length;
    }

    public void WriteEmptyTaggedFields() => WriteUnsignedVarInt(0);

    public void WriteArrayLength(int count) => WriteInt32(count);

    /// <summary>Fills in the size prefix and returns the whole frame.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer, _length - 4);
        return _buffer.AsMemory(0, _length);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
