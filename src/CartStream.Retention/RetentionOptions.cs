using System.ComponentModel.DataAnnotations;

namespace CartStream.Retention;

/// <summary>
/// How long each area of the lake is kept (section <c>Retention</c>). Ages are whole days measured from the later
/// of a file's last-modified time and the start of its date partition; 0 makes every file that is otherwise
/// finished with eligible at once.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retention";

    /// <summary>Raw and dead-letter files under <c>topics/</c>: deleted once transformed and at least this old.</summary>
    [Range(0, 36_500)]
    public int RawMaxAgeDays { get; set; } = 7;

    /// <summary>Fact and dimension parts under <c>DWH/</c>: deleted once loaded into the warehouse and at least this old.</summary>
    [Range(0, 36_500)]
    public int WarehouseMaxAgeDays { get; set; } = 30;

    /// <summary>Rejected rows under <c>DWH/rejected/</c>: deleted once at least this old (and loaded, see <see cref="RejectedRequiresLoad"/>).</summary>
    [Range(0, 36_500)]
    public int RejectedMaxAgeDays { get; set; } = 30;

    /// <summary>
    /// Whether rejected parts must also be loaded into the warehouse before they go. On by default: the warehouse
    /// keeps rejected rows too, and a part deleted before its load would be lost to it.
    /// </summary>
    public bool RejectedRequiresLoad { get; set; } = true;

    /// <summary>Most deletions recorded in one ledger object (each object is written before its files are deleted).</summary>
    [Range(1, 100_000)]
    public int LedgerChunkSize { get; set; } = 1000;
}
