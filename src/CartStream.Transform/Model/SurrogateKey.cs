using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace CartStream.Transform.Model;

/// <summary>
/// Surrogate keys of the star-flake model: the 64-bit XxHash3 (seed 0) of the table name and the natural key's
/// parts, as UTF-8 separated by the unit separator (0x1F), with 0x00 standing for an empty part. Any worker, any
/// run, any language with XxHash3 derives the same key from the same natural key without coordination.
/// </summary>
/// <remarks>
/// With 64 bits, a collision among a dimension's rows has probability about n^2 / 2^65: below one in a million
/// for six million rows. The warehouse's primary keys would surface one as a load error rather than a silent merge.
/// </remarks>
public static class SurrogateKey
{
    private const byte Separator = 0x1F;
    private const byte Empty = 0x00;

    /// <summary>The key of a natural key with one part.</summary>
    public static long Of(string table, string? part) => Hash(table, part, null, null, null, 1);

    /// <summary>The key of a natural key with two parts.</summary>
    public static long Of(string table, string? part1, string? part2) => Hash(table, part1, part2, null, null, 2);

    /// <summary>The key of a natural key with four parts.</summary>
    public static long Of(string table, string? part1, string? part2, string? part3, string? part4) =>
        Hash(table, part1, part2, part3, part4, 4);

    private static long Hash(string table, string? p1, string? p2, string? p3, string? p4, int parts)
    {
        var max = Encoding.UTF8.GetMaxByteCount(table.Length + Len(p1) + Len(p2) + Len(p3) + Len(p4)) + 2 * parts;
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(table, buffer);
            n = Append(buffer, n, p1);
            if (parts > 1)
            {
                n = Append(buffer, n, p2);
            }

            if (parts > 2)
            {
                n = Append(buffer, n, p3);
                n = Append(buffer, n, p4);
            }

            return unchecked((long)XxHash3.HashToUInt64(buffer[..n]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Append(Span<byte> buffer, int n, string? part)
    {
        buffer[n++] = Separator;
        if (string.IsNullOrEmpty(part))
        {
            buffer[n++] = Empty;
            return n;
        }

        return n + Encoding.UTF8.GetBytes(part, buffer[n..]);
    }

    private static int Len(string? s) => s?.Length ?? 0;
}
