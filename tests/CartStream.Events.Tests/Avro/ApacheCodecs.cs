using System.Buffers.Binary;
using System.IO.Hashing;
using Avro.File;
using Snappier;
using ZstdSharp;

namespace CartStream.Events.Tests.Avro;

/// <summary>
/// Apache.Avro 1.12.2 ships no snappy or zstandard codec for .NET; these plug Snappier and ZstdSharp into it through
/// <see cref="Codec.RegisterResolver"/>, following the Avro spec (snappy: raw block + big-endian CRC-32 of the
/// uncompressed data; zstandard: one frame). They are the independent side of our snappy and zstd interop tests.
/// </summary>
internal static class ApacheCodecs
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Codec.RegisterResolver(name => name switch
        {
            "snappy" => new SnappyCodec(),
            "zstandard" => new ZstandardCodec(),
            _ => null!,
        });
        return true;
    });

    /// <summary>Registers the resolver once per process.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public static Codec For(string name) => name switch
    {
        "null" => Codec.CreateCodec(Codec.Type.Null),
        "deflate" => Codec.CreateCodec(Codec.Type.Deflate),
        "snappy" => new SnappyCodec(),
        "zstandard" => new ZstandardCodec(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private sealed class SnappyCodec : Codec
    {
        public override byte[] Compress(byte[] uncompressedData)
        {
            var compressed = Snappy.CompressToArray(uncompressedData);
            var result = new byte[compressed.Length + 4];
            compressed.CopyTo(result, 0);
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(compressed.Length), Crc32.HashToUInt32(uncompressedData));
            return result;
        }

        public override void Compress(MemoryStream inputStream, MemoryStream outputStream)
        {
            var result = Compress(inputStream.ToArray());
            outputStream.SetLength(0);
            outputStream.Write(result);
        }

        public override byte[] Decompress(byte[] compressedData, int length)
        {
            var data = Snappy.DecompressToArray(compressedData.AsSpan(0, length - 4));
            if (Crc32.HashToUInt32(data) != BinaryPrimitives.ReadUInt32BigEndian(compressedData.AsSpan(length - 4, 4)))
            {
                throw new InvalidDataException("snappy CRC mismatch");
            }

            return data;
        }

        public override string GetName() => "snappy";

        public override bool Equals(object? other) => other is SnappyCodec;

        public override int GetHashCode() => 1;
    }

    private sealed class ZstandardCodec : Codec
    {
        public override byte[] Compress(byte[] uncompressedData)
        {
            using var compressor = new Compressor();
            return compressor.Wrap(uncompressedData).ToArray();
        }

        public override void Compress(MemoryStream inputStream, MemoryStream outputStream)
        {
            var result = Compress(inputStream.ToArray());
            outputStream.SetLength(0);
            outputStream.Write(result);
        }

        public override byte[] Decompress(byte[] compressedData, int length)
        {
            using var decompressor = new Decompressor();
            return decompressor.Unwrap(compressedData.AsSpan(0, length)).ToArray();
        }

        public override string GetName() => "zstandard";

        public override bool Equals(object? other) => other is ZstandardCodec;

        public override int GetHashCode() => 2;
    }
}
