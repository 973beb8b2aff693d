using System.Numerics;

namespace CartStream.Events.Avro;

/// <summary>
/// The Avro <c>decimal</c> logical type on <c>bytes</c>: an unscaled integer at the schema's scale, as minimal
/// big-endian two's complement (the bytes Java's BigInteger.toByteArray and Apache.Avro write).
/// </summary>
internal static class AvroDecimal
{
    /// <summary>Largest precision the unscaled value can carry here (it must fit an Int128).</summary>
    public const int MaxPrecision = 38;

    /// <summary>Largest scale a .NET decimal can hold.</summary>
    public const int MaxDotNetScale = 28;

    private static readonly ulong[] Pow10U64 = BuildPow10U64();
    private static readonly UInt128[] Pow10U128 = BuildPow10U128();
    private static readonly UInt128 DecimalMantissaLimit = UInt128.One << 96;

    public static Int128 ToUnscaled(decimal value, int scale, int precision, string fieldName)
    {
        if ((uint)scale > MaxPrecision || precision < 1 || precision > MaxPrecision || scale > precision)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), $"{fieldName}: precision {precision} and scale {scale} are not a valid Avro decimal here.");
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var valueScale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;

        var mantissa = new UInt128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        if (valueScale > scale)
        {
            var (quotient, remainder) = UInt128.DivRem(mantissa, Pow10U128[valueScale - scale]);
            if (remainder != UInt128.Zero)
            {
                throw TooManyDecimals(value, scale, fieldName);
            }

            mantissa = quotient;
        }
        else if (valueScale < scale)
        {
            var factor = scale - valueScale;
            if (mantissa >= Pow10U128[precision - factor])
            {
                throw TooManyDigits(value, precision, scale, fieldName);
            }

            mantissa *= Pow10U128[factor];
        }

        if (mantissa >= Pow10U128[precision])
        {
            throw TooManyDigits(value, precision, scale, fieldName);
        }

        return negative ? -(Int128)mantissa : (Int128)mantissa;
    }

    /// <summary>
    /// The common case without 128-bit arithmetic: a 64-bit mantissa and a precision of at most 18 digits. Returns
    /// false (and leaves the work to <see cref="ToUnscaled"/>) otherwise; throws when the value does not fit.
    /// </summary>
    public static bool TryToUnscaled64(decimal value, int scale, int precision, string fieldName, out long unscaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        unscaled = 0;
        if (bits[2] != 0 || precision > 18 || (uint)scale > (uint)precision)
        {
            return false;
        }

        var valueScale = (bits[3] >> 16) & 0xFF;
        var small = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (valueScale > scale)
        {
            var divisor = Pow10U64[valueScale - scale];
            var quotient = small / divisor;
            if (quotient * divisor != small)
            {
                throw TooManyDecimals(value, scale, fieldName);
            }

            small = quotient;
        }
        else if (valueScale < scale)
        {
            var factor = scale - valueScale;
            if (small >= Pow10U64[precision - factor])
            {
                throw TooManyDigits(value, precision, scale, fieldName);
            }

            small *= Pow10U64[factor];
        }

        if (small >= Pow10U64[precision])
        {
            throw TooManyDigits(value, precision, scale, fieldName);
        }

        unscaled = bits[3] < 0 ? -(long)small : (long)small;
        return true;
    }

    public static int MinimalLength(long unscaled)
    {
        var magnitudeBits = unscaled < 0 ? ~unscaled : unscaled;
        return ((64 - BitOperations.LeadingZeroCount((ulong)magnitudeBits) + 1) + 7) >> 3;
    }

    public static void WriteBigEndian(long unscaled, Span<byte> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)unscaled;
            unscaled >>= 8;
        }
    }

    public static int MinimalLength(Int128 unscaled)
    {
        var magnitudeBits = Int128.IsNegative(unscaled) ? ~unscaled : unscaled;
        var significant = 128 - (int)Int128.LeadingZeroCount(magnitudeBits) + 1; // plus the sign bit
        return (significant + 7) >> 3;
    }

    public static void WriteBigEndian(Int128 unscaled, Span<byte> destination)
    {
        if (destination.Length <= 8)
        {
            var small = (long)unscaled;
            for (var i = destination.Length - 1; i >= 0; i--)
            {
                destination[i] = (byte)small;
                small >>= 8;
            }

            return;
        }

        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)unscaled;
            unscaled >>= 8;
        }
    }

    /// <summary>Reads big-endian two's complement as a decimal at <paramref name="scale"/>; false when it cannot fit.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bigEndian, int scale, out decimal value)
    {
        value = 0m;
        if (bigEndian.Length > 16 || (uint)scale > MaxDotNetScale)
        {
            return false;
        }

        if (bigEndian.IsEmpty)
        {
            value = new decimal(0, 0, 0, false, (byte)scale);
            return true;
        }

        if (bigEndian.Length <= 8)
        {
            long small = (sbyte)bigEndian[0];
            for (var i = 1; i < bigEndian.Length; i++)
            {
                small = (small << 8) | bigEndian[i];
            }

            var negativeSmall = small < 0;
            var magnitude = negativeSmall ? (ulong)(-(small + 1)) + 1 : (ulong)small;
            value = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negativeSmall, (byte)scale);
            return true;
        }

        Int128 wide = (sbyte)bigEndian[0];
        for (var i = 1; i < bigEndian.Length; i++)
        {
            wide = (wide << 8) | bigEndian[i];
        }

        var negative = Int128.IsNegative(wide);
        var wideMagnitude = negative ? (UInt128)(-(wide + 1)) + 1 : (UInt128)wide;
        if (wideMagnitude >= DecimalMantissaLimit)
        {
            return false;
        }

        value = new decimal((int)(uint)wideMagnitude, (int)(uint)(wideMagnitude >> 32), (int)(uint)(wideMagnitude >> 64), negative, (byte)scale);
        return true;
    }

    private static ArgumentOutOfRangeException TooManyDecimals(decimal value, int scale, string fieldName) =>
        new(fieldName, value, $"{fieldName}: {value} has more decimal places than the schema's scale {scale}; round it before encoding.");

    private static ArgumentOutOfRangeException TooManyDigits(decimal value, int precision, int scale, string fieldName) =>
        new(fieldName, value, $"{fieldName}: {value} has more digits than decimal({precision},{scale}) allows.");

    private static ulong[] BuildPow10U64()
    {
        var table = new ulong[20];
        table[0] = 1;
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1] * 10;
        }

        return table;
    }

    private static UInt128[] BuildPow10U128()
    {
        var table = new UInt128[MaxPrecision + 1];
        table[0] = UInt128.One;
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1] * 10;
        }

        return table;
    }
}
