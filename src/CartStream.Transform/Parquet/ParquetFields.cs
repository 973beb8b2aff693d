using global::Parquet.Schema;

namespace CartStream.Transform.Parquet;

/// <summary>The column types the model uses, declared once so every table writes them the same way.</summary>
internal static class ParquetFields
{
    /// <summary>Amounts: decimal(18,4), stored as INT64 (no byte-array encoding: faster and every reader takes it).</summary>
    public static DecimalDataField Money(string name, bool nullable = false) =>
        new(name, 18, 4, forceByteArrayEncoding: false, isNullable: nullable);

    /// <summary>A fraction 0..1 with four decimals, as in the event.</summary>
    public static DecimalDataField Fraction(string name) => new(name, 9, 4, forceByteArrayEncoding: false, isNullable: false);

    /// <summary>An instant: TIMESTAMP(MILLIS) adjusted to UTC, so readers load it as a UTC timestamp.</summary>
    public static DateTimeDataField UtcTimestamp(string name, bool nullable = false) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: nullable);

    /// <summary>A calendar day (DATE).</summary>
    public static DateTimeDataField Date(string name, bool nullable = false) =>
        new(name, DateTimeFormat.Date, isAdjustedToUTC: true, isNullable: nullable);

    /// <summary>A required 64-bit key.</summary>
    public static DataField<long> Key(string name) => new(name, nullable: false);

    /// <summary>A text column.</summary>
    public static DataField<string> Text(string name, bool nullable = false) => new(name, nullable);
}
