using System.IO.Hashing;
using System.Text;

namespace CartStream.Events.Avro;

/// <summary>
/// Decoded strings of low-cardinality fields (currency, country, channel, category, ...), looked up by their UTF-8
/// bytes so that decoding a million events does not allocate a million copies of "EUR". One small table per thread;
/// an entry is replaced when another string hashes to its slot. Only short strings are kept.
/// </summary>
internal static class AvroStringCache
{
    private const int Slots = 1024;
    private const int MaxBytes = 48;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>The string for <paramref name="utf8"/>; throws <see cref="DecoderFallbackException"/> on invalid UTF-8.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return StrictUtf8.GetString(utf8);
        }

        var entries = t_entries ??= new Entry[Slots];
        ref var entry = ref entries[(int)XxHash3.HashToUInt64(utf8) & (Slots - 1)];
        if (entry.Utf8 is { } known && utf8.SequenceEqual(known))
        {
            return entry.Value;
        }

        var value = StrictUtf8.GetString(utf8);
        entry = new Entry(utf8.ToArray(), value);
        return value;
    }

    private readonly record struct Entry(byte[] Utf8, string Value);
}
