namespace CartStream.Transform.Parquet;

/// <summary>One row of <c>rejected</c>.</summary>
/// <param name="EventId">The event id when the record could be decoded.</param>
/// <param name="RuleCodes">Every failed reject rule, in catalogue order.</param>
/// <param name="OriginalFormat"><c>json</c> (the decoded record), <c>base64</c> (bytes that are not a sales event) or <c>object</c> (the key of a quarantined file).</param>
/// <param name="Original">The record's faithful rendering in <paramref name="OriginalFormat"/>.</param>
/// <param name="Detail">A decoder's or reader's error message, when there is one.</param>
/// <param name="Origin">Where the record came from.</param>
/// <param name="EventTime">The event's time when known.</param>
/// <param name="RejectedAt">When the transform rejected it.</param>
/// <param name="FiledUnder">
/// The <c>event_date=</c> folder: the event's date when its time is plausible, else the day its file landed, so
/// that implausible times do not scatter rows over hundreds of one-row folders.
/// </param>
internal sealed record RejectedRecord(
    Guid? EventId,
    IReadOnlyList<string> RuleCodes,
    string OriginalFormat,
    string Original,
    string? Detail,
    RecordOrigin Origin,
    DateTime? EventTime,
    DateTime RejectedAt,
    DateOnly FiledUnder);
