using System.Globalization;

namespace CartStream.Retention;

/// <summary>Consecutive Kafka offsets <c>[First, Last]</c> of one topic partition: how the ledger stores a file's records or rows.</summary>
/// <param name="Topic">The events topic (for dead letters, the topic they were read from, without <c>-dlq</c>).</param>
/// <param name="Partition">The Kafka partition.</param>
/// <param name="First">The first offset.</param>
/// <param name="Last">The last offset, inclusive.</param>
public sealed record OffsetRange(string Topic, int Partition, long First, long Last)
{
    /// <summary>How many offsets the range holds.</summary>
    public long Count => Last - First + 1;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Topic} partition {Partition} offsets {First}-{Last}");

    /// <summary>
    /// Compresses addresses into ranges. An address seen twice starts a second range instead of being folded into
    /// the first, so the ranges keep every sighting and a file's doubled row stays doubled in the ledger.
    /// </summary>
    public static List<OffsetRange> Compress(IEnumerable<(string Topic, int Partition, long Offset)> addresses)
    {
        var ranges = new List<OffsetRange>();
        var sorted = addresses
            .OrderBy(a => a.Topic, StringComparer.Ordinal)
            .ThenBy(a => a.Partition)
            .ThenBy(a => a.Offset);
        foreach (var (topic, partition, offset) in sorted)
        {
            // Extend the open range only with the next offset of the same partition; a repeat or a gap opens a new one.
            var at = ranges.Count - 1;
            if (at >= 0 && ranges[at] is var last && last.Topic == topic && last.Partition == partition && last.Last + 1 == offset)
            {
                ranges[at] = last with { Last = offset };
            }
            else
            {
                ranges.Add(new OffsetRange(topic, partition, offset, offset));
            }
        }

        return ranges;
    }
}
