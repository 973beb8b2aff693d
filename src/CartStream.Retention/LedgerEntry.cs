using CartStream.Lake;

namespace CartStream.Retention;

/// <summary>One file retention deleted, as its ledger records it.</summary>
/// <param name="Key">The deleted file's key.</param>
/// <param name="Area">Its area: raw, dead letter, warehouse (fact or dimension) or rejected.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Records">How many records (raw, dead letter) or rows (model) it held.</param>
/// <param name="Reason">Why it was eligible.</param>
/// <param name="DeletedAt">When the run that deleted it started (UTC).</param>
/// <param name="Ranges">
/// The Kafka offsets it accounted for: a raw or dead-letter file's own records, or the lineage
/// <c>(partition, offset)</c> of a fact or rejected file's rows. Empty for dimensions, which carry no lineage.
/// </param>
public sealed record LedgerEntry(
    string Key,
    LakeArea Area,
    long Size,
    long Records,
    string Reason,
    DateTimeOffset DeletedAt,
    IReadOnlyList<OffsetRange> Ranges);
