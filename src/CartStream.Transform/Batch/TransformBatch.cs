using CartStream.Events;
using CartStream.Events.Reference;
using CartStream.Transform.Cleaning;
using CartStream.Transform.Dedup;
using CartStream.Transform.Model;
using CartStream.Transform.Parquet;
using CartStream.Transform.Quality;
using CartStream.Transform.Rules;

namespace CartStream.Transform.Batch;

/// <summary>
/// The pure core of the transform: every record handed to it becomes exactly one fact row or one rejected row
/// of <see cref="Model"/>, and is counted per rule. No I/O: reading files and publishing output are around it.
/// </summary>
/// <remarks>Not thread-safe; one batch per worker.</remarks>
internal sealed class TransformBatch
{
    private readonly SalesEventCleaner _cleaner;
    private readonly Func<string, DedupIndex?> _dedupFor;
    private readonly CleanSale _sale = new();
    private readonly List<string> _codes = [];
    private readonly Dictionary<string, long> _ruleCounts = new(StringComparer.Ordinal);
    private string? _lastFile;
    private DedupIndex? _lastDedup;

    /// <param name="reference">Countries, cities and exchange rates.</param>
    /// <param name="processingTimeUtc">The batch's "now" for the future-event rule and rejected_at.</param>
    /// <param name="dedupFor">The dedup index for a source file's partition; null for files that are not deduplicated.</param>
    public TransformBatch(ReferenceData reference, DateTime processingTimeUtc, Func<string, DedupIndex?> dedupFor)
    {
        _cleaner = new SalesEventCleaner(reference);
        ProcessingTimeUtc = processingTimeUtc;
        _dedupFor = dedupFor;
        Model = new StarModelBatch(reference);
    }

    public DateTime ProcessingTimeUtc { get; }

    public StarModelBatch Model { get; }

    public long Records { get; private set; }

    public long Duplicates { get; private set; }

    /// <summary>Validates, cleans, de-duplicates and adds a decoded event (read before the next call; it may be reused).</summary>
    public void AddEvent(SalesEvent e, in RecordOrigin origin)
    {
        Records++;
        _codes.Clear();
        var accepted = _cleaner.Clean(e, ProcessingTimeUtc, _sale, _codes);
        if (DedupFor(origin.SourceFile) is { } dedup && dedup.IsDuplicate(e.EventId, origin.SourceFile, origin.Offset, e.EventTime))
        {
            _codes.Add(DefectCode.DuplicateEvent);
            Duplicates++;
            accepted = false;
        }

        Count(_codes);
        if (accepted)
        {
            Model.AddSale(_sale, origin);
            return;
        }

        var eventTime = e.EventTime is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null;
        var plausible = eventTime is not null && !_codes.Contains(DefectCode.FutureEventTime) && !_codes.Contains(DefectCode.StaleEventTime);
        var filedUnder = DateOnly.FromDateTime(plausible ? eventTime!.Value : origin.FileLandedAt);
        Model.AddRejected(new RejectedRecord(
            e.EventId, RejectCodes(_codes), "json", SalesEventJson.Render(e), null, origin, eventTime, ProcessingTimeUtc, filedUnder));
    }

    /// <summary>Adds a record that is not a readable sales event, keeping its bytes (base64).</summary>
    public void AddUnreadable(ReadOnlySpan<byte> bytes, in RecordOrigin origin, string code, string? detail)
    {
        Records++;
        _codes.Clear();
        _codes.Add(code);
        Count(_codes);
        Model.AddRejected(new RejectedRecord(
            null, [code], "base64", Convert.ToBase64String(bytes), detail, origin, null, ProcessingTimeUtc,
            DateOnly.FromDateTime(origin.FileLandedAt)));
    }

    /// <summary>
    /// Adds one rejected row standing for a whole unreadable file: its records cannot be counted, so the row points
    /// at the quarantined copy instead of holding bytes.
    /// </summary>
    public void AddQuarantinedFile(string quarantineKey, in RecordOrigin origin, string code, string detail)
    {
        Records++;
        _ruleCounts[code] = _ruleCounts.GetValueOrDefault(code) + 1;
        Model.AddRejected(new RejectedRecord(
            null, [code], "object", quarantineKey, detail, origin, null, ProcessingTimeUtc, DateOnly.FromDateTime(origin.FileLandedAt)));
    }

    /// <summary>The batch's counts as a quality report (output files are added when published).</summary>
    public QualityReport CreateReport(string batchId, IReadOnlyList<string> inputFiles)
    {
        var report = new QualityReport
        {
            BatchId = batchId,
            ProcessedAt = ProcessingTimeUtc,
            InputFiles = inputFiles,
            Records = Records,
            Facts = Model.FactCount,
            Rejected = Model.RejectedCount,
            Duplicates = Duplicates,
        };
        report.SetRuleCounts(_ruleCounts);
        return report;
    }

    // Records arrive file by file: look the index up once per file, not once per record.
    private DedupIndex? DedupFor(string sourceFile)
    {
        if (!ReferenceEquals(sourceFile, _lastFile))
        {
            _lastFile = sourceFile;
            _lastDedup = _dedupFor(sourceFile);
        }

        return _lastDedup;
    }

    private void Count(List<string> codes)
    {
        foreach (var code in codes)
        {
            _ruleCounts[code] = _ruleCounts.GetValueOrDefault(code) + 1;
        }
    }

    private static string[] RejectCodes(List<string> codes) =>
        codes.Where(c => RuleCatalogue.Get(c).Severity == RuleSeverity.Reject)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(RuleCatalogue.IndexOf)
            .ToArray();
}
