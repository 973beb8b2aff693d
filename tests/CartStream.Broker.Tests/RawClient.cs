using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using CartStream.Broker.Storage;

namespace CartStream.Broker.Tests;

/// <summary>
/// Speaks the wire protocol byte by byte, for what no well-behaved client sends: exact duplicate batches,
/// sequence gaps, malformed and random frames.
/// </summary>
internal sealed class RawClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private int _correlation;

    public RawClient(int port)
    {
        _tcp = new TcpClient("127.0.0.1", port) { NoDelay = true };
        _stream = _tcp.GetStream();
    }

    public NetworkStream Stream => _stream;

    /// <summary>Sends one request (header v1 + body) and returns the response body after the correlation id.</summary>
    public byte[] Send(short apiKey, short version, byte[] body, TimeSpan? timeout = null)
    {
        var correlation = ++_correlation;
        var header = new List<byte>();
        header.AddRange(BigEndian((short)apiKey));
        header.AddRange(BigEndian(version));
        header.AddRange(BigEndian(correlation));
        header.AddRange(BigEndian((short)4));
        header.AddRange("test"u8.ToArray());
        var frame = new byte[4 + header.Count + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, header.Count + body.Length);
        header.CopyTo(frame, 4);
        body.CopyTo(frame, 4 + header.Count);
        _stream.Write(frame);
        var response = ReadFrame(timeout ?? TimeSpan.FromSeconds(10)) ?? throw new IOException("Connection closed without an answer.");
        Assert.Equal(correlation, BinaryPrimitives.ReadInt32BigEndian(response));
        return response[4..];
    }

    /// <summary>One size-prefixed frame, or null when the broker closed the connection.</summary>
    public byte[]? ReadFrame(TimeSpan timeout)
    {
        _tcp.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        var size = new byte[4];
        if (!ReadExactly(size))
        {
            return null;
        }

        var body = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        return ReadExactly(body) ? body : null;
    }

    private bool ReadExactly(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = _stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    public static byte[] BigEndian(short value) => [(byte)(value >> 8), (byte)value];

    public static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] String(string value) => [.. BigEndian((short)Encoding.UTF8.GetByteCount(value)), .. Encoding.UTF8.GetBytes(value)];

    /// <summary>A Produce v3 body for one partition of one topic, acks=all.</summary>
    public static byte[] ProduceBody(string topic, int partition, byte[] batch) =>
    [
        .. BigEndian((short)-1), .. BigEndian((short)-1), .. BigEndian(10_000),
        .. BigEndian(1), .. String(topic), .. BigEndian(1), .. BigEndian(partition), .. BigEndian(batch.Length), .. batch,
    ];

    /// <summary>Reads (error code, base offset) from a Produce v3 answer for one partition.</summary>
    public static (short Error, long BaseOffset) ParseProduce(byte[] response)
    {
        var at = 4;
        at += 2 + BinaryPrimitives.ReadInt16BigEndian(response.AsSpan(at));
        at += 4 + 4;
        return (BinaryPrimitives.ReadInt16BigEndian(response.AsSpan(at)), BinaryPrimitives.ReadInt64BigEndian(response.AsSpan(at + 2)));
    }

    /// <summary>A record batch v2 (uncompressed) with the given producer id, epoch and first sequence.</summary>
    public static byte[] Batch(long producerId, short epoch, int baseSequence, params string[] values)
    {
        var records = new List<byte>();
        for (var i = 0; i < values.Length; i++)
        {
            var record = new List<byte> { 0 };
            record.AddRange(VarInt(0));
            record.AddRange(VarInt(i));
            record.AddRange(VarInt(-1));
            var value = Encoding.UTF8.GetBytes(values[i]);
            record.AddRange(VarInt(value.Length));
            record.AddRange(value);
            record.AddRange(VarInt(0));
            records.AddRange(VarInt(record.Count));
            records.AddRange(record);
        }

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        byte[] afterCrc =
        [
            .. BigEndian((short)0), .. BigEndian(values.Length - 1), .. BigEndian(timestamp), .. BigEndian(timestamp),
            .. BigEndian(producerId), .. BigEndian(epoch), .. BigEndian(baseSequence), .. BigEndian(values.Length), .. records,
        ];
        byte[] batch =
        [
            .. BigEndian(0L), .. BigEndian(afterCrc.Length + 9), .. BigEndian(-1), 2,
            .. BigEndian((int)Crc32C.Compute(afterCrc)), .. afterCrc,
        ];
        return batch;
    }

    private static byte[] VarInt(long value)
    {
        var zigzag = (ulong)((value << 1) ^ (value >> 63));
        var bytes = new List<byte>();
        while (zigzag >= 0x80)
        {
            bytes.Add((byte)(zigzag | 0x80));
            zigzag >>= 7;
        }

        bytes.Add((byte)zigzag);
        return [.. bytes];
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
