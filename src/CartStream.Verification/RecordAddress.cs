using System.Globalization;

namespace CartStream.Verification;

/// <summary>Where a record sits in the events topic: the identity every stage keeps for it.</summary>
/// <param name="Partition">The Kafka partition.</param>
/// <param name="Offset">The offset within the partition.</param>
public readonly record struct RecordAddress(int Partition, long Offset)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"partition {Partition} offset {Offset}");
}
