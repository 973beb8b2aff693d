using CartStream.Lake;

namespace CartStream.Retention;

/// <summary>A file retention deletes (or, in a dry run, would delete).</summary>
/// <param name="Key">The file's key.</param>
/// <param name="Area">Its area.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Reason">Why it is eligible, e.g. <c>transformed; 9 days old (max 7)</c>.</param>
public sealed record RetentionItem(string Key, LakeArea Area, long Size, string Reason);
