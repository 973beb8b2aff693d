namespace CartStream.Warehouse.Schema;

/// <summary>The logical types of warehouse columns; each dialect spells them its own way.</summary>
public enum ColumnType
{
    /// <summary>Variable-length text.</summary>
    Text,

    /// <summary>32-bit integer.</summary>
    Int,

    /// <summary>64-bit integer (surrogate keys, offsets, counts).</summary>
    BigInt,

    /// <summary>USD amount, DECIMAL(18,4).</summary>
    Money,

    /// <summary>A fraction such as a discount, DECIMAL(9,4).</summary>
    Fraction,

    /// <summary>An exchange rate, DECIMAL(18,6).</summary>
    Rate,

    /// <summary>A sum of money, DECIMAL(38,4), so rollups never overflow.</summary>
    Total,

    /// <summary>An instant in UTC, millisecond precision or finer.</summary>
    TimestampUtc,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>True or false.</summary>
    Bool,
}
