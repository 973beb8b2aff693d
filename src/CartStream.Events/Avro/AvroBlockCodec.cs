using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Snappier;
using ZstdSharp;

namespace CartStream.Events.Avro;

/// <summary>
/// Compresses and decompresses OCF blocks for one <see cref="AvroCodec"/>, reusing its buffers from block to block.
/// Not thread-safe: one per writer or reader.
/// </summary>
internal sealed class AvroBlockCodec : IDisposable
{
    /// <summary>Largest decompressed block accepted, against blocks that expand without bound.</summary>
    public const int MaxBlockBytes = 256 * 1024 * 1024;

    private readonly CompressionLevel _deflateLevel;
    private readonly int _zstandardLevel;
    private readonly MemoryStream _deflateOutput = new();
    private Compressor? _zstdCompressor;
    private Decompressor? _zstdDecompressor;
    private byte[] _buffer = [];

    public AvroBlockCodec(AvroCodec codec, CompressionLevel deflateLevel = CompressionLevel.Optimal, int zstandardLevel = 3)
    {
        Codec = codec;
        _deflateLevel = deflateLevel;
        _zstandardLevel = zstandardLevel;
    }

    public AvroCodec Codec { get; }

    /// <summary>The codec's name in <c>avro.codec</c>.</summary>
    public static string NameOf(AvroCodec codec) => codec switch
    {
        AvroCodec.Null => "null",
        AvroCodec.Deflate => "deflate",
        AvroCodec.Snappy => "snappy",
        AvroCodec.Zstandard => "zstandard",
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Unknown Avro codec."),
    };

    /// <summary>Parses <c>avro.codec</c>; an absent codec means <c>null</c>, as the spec says.</summary>
    public static bool TryParse(string? name, out AvroCodec codec)
    {
        codec = name switch
        {
            null or "null" => AvroCodec.Null,
            "deflate" => AvroCodec.Deflate,
            "snappy" => AvroCodec.Snappy,
            "zstandard" => AvroCodec.Zstandard,
            _ => (AvroCodec)(-1),
        };
        return codec >= 0;
    }

    /// <summary>Compresses one block; the result is valid until the next call.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> block)
    {
        switch (Codec)
        {
            case AvroCodec.Null:
                return block;
            case AvroCodec.Deflate:
                _deflateOutput.SetLength(0);
                using (var deflate = new DeflateStream(_deflateOutput, _deflateLevel, leaveOpen: true))
                {
                    deflate.Write(block);
                }

                return _deflateOutput.GetBuffer().AsSpan(0, (int)_deflateOutput.Length);
            case AvroCodec.Snappy:
            {
                var buffer = Rent(Snappy.GetMaxCompressedLength(block.Length) + 4);
                var length = Snappy.Compress(block, buffer);
                BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(length), Crc32.HashToUInt32(block));
                return buffer.AsSpan(0, length + 4);
            }

            case AvroCodec.Zstandard:
            {
                _zstdCompressor ??= new Compressor(_zstandardLevel);
                var buffer = Rent(Compressor.GetCompressBound(block.Length));
                var length = _zstdCompressor.Wrap(block, buffer);
                return buffer.AsSpan(0, length);
            }

            default:
                throw new InvalidOperationException($"Unknown codec {Codec}.");
        }
    }

    /// <summary>
    /// Decompresses one block; the result is valid until the next call. Damaged data throws
    /// <see cref="InvalidDataException"/> (or the compression library's own exception).
    /// </summary>
    public ReadOnlyMemory<byte> Decompress(ReadOnlyMemory<byte> block)
    {
        switch (Codec)
        {
            case AvroCodec.Null:
                return block;
            case AvroCodec.Deflate:
                return InflateRaw(block);
            case AvroCodec.Snappy:
            {
                if (block.Length < 4)
                {
                    throw new InvalidDataException("A snappy block is shorter than its 4-byte CRC.");
                }

                var compressed = block.Span[..^4];
                var length = Snappy.GetUncompressedLength(compressed);
                if (length > MaxBlockBytes)
                {
                    throw new InvalidDataException($"The block claims {length} uncompressed bytes, more than the {MaxBlockBytes} allowed.");
                }

                var buffer = Rent(length);
                var written = Snappy.Decompress(compressed, buffer);
                var expected = BinaryPrimitives.ReadUInt32BigEndian(block.Span[^4..]);
                var actual = Crc32.HashToUInt32(buffer.AsSpan(0, written));
                if (expected != actual)
                {
                    throw new InvalidDataException($"Snappy block CRC-32 is {actual:x8}, the file says {expected:x8}.");
                }

                return buffer.AsMemory(0, written);
            }

            case AvroCodec.Zstandard:
            {
                _zstdDecompressor ??= new Decompressor();
                // An upper bound even when the frame does not record its size (frames written as a stream).
                var bound = Decompressor.GetDecompressedSize(block.Span);
                var buffer = Rent((int)Math.Min(bound, (ulong)MaxBlockBytes));
                var written = _zstdDecompressor.Unwrap(block.Span, buffer);
                return buffer.AsMemory(0, written);
            }

            default:
                throw new InvalidOperationException($"Unknown codec {Codec}.");
        }
    }

    public void Dispose()
    {
        _deflateOutput.Dispose();
        _zstdCompressor?.Dispose();
        _zstdDecompressor?.Dispose();
    }

    private ReadOnlyMemory<byte> InflateRaw(ReadOnlyMemory<byte> block)
    {
        var segment = MemoryMarshal.TryGetArray(block, out var array) ? array : new ArraySegment<byte>(block.ToArray());
        using var input = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        var buffer = Rent(Math.Max(block.Length * 4, 4096));
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length >= MaxBlockBytes)
                {
                    throw new InvalidDataException($"The block inflates to more than the {MaxBlockBytes} bytes allowed.");
                }

                var bigger = new byte[Math.Min((long)buffer.Length * 2, MaxBlockBytes)];
                buffer.AsSpan(0, total).CopyTo(bigger);
                _buffer = buffer = bigger;
            }

            var read = inflate.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return buffer.AsMemory(0, total);
            }

            total += read;
        }
    }

    private byte[] Rent(int size)
    {
        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        return _buffer;
    }
}
