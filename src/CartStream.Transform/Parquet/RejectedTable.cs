using global::Parquet;
using global::Parquet.Schema;

namespace CartStream.Transform.Parquet;

/// <summary><c>rejected</c> rows of one part (one event date), column by column.</summary>
internal sealed class RejectedTable : IParquetTable
{
    private static readonly DataField<string> EventIdField = ParquetFields.Text("event_id", nullable: true);
    private static readonly DataField<string> RuleCodesField = ParquetFields.Text("rule_codes");
    private static readonly DataField<string> OriginalFormatField = ParquetFields.Text("original_format");
    private static readonly DataField<string> OriginalField = ParquetFields.Text("original");
    private static readonly DataField<string> DetailField = ParquetFields.Text("detail", nullable: true);
    private static readonly DataField<string> SourceFileField = ParquetFields.Text("source_file");
    private static readonly DataField<int> SourcePartitionField = new("source_partition", nullable: false);
    private static readonly DataField<long> SourceOffsetField = new("source_offset", nullable: false);
    private static readonly DateTimeDataField EventTimeField = ParquetFields.UtcTimestamp("event_time", nullable: true);
    private static readonly DateTimeDataField RejectedAtField = ParquetFields.UtcTimestamp("rejected_at");

    private readonly ColumnBuffer<string?> _eventId = new();
    private readonly ColumnBuffer<string> _ruleCodes = new();
    private readonly ColumnBuffer<string> _originalFormat = new();
    private readonly ColumnBuffer<string> _original = new();
    private readonly ColumnBuffer<string?> _detail = new();
    private readonly ColumnBuffer<string> _sourceFile = new();
    private readonly ColumnBuffer<int> _sourcePartition = new();
    private readonly ColumnBuffer<long> _sourceOffset = new();
    private readonly ColumnBuffer<DateTime?> _eventTime = new();
    private readonly ColumnBuffer<DateTime> _rejectedAt = new();

    /// <summary>The schema every <c>rejected</c> part has.</summary>
    public static ParquetSchema TableSchema { get; } = new(
        EventIdField, RuleCodesField, OriginalFormatField, OriginalField, DetailField, SourceFileField,
        SourcePartitionField, SourceOffsetField, EventTimeField, RejectedAtField);

    public ParquetSchema Schema => TableSchema;

    public int Count => _ruleCodes.Count;

    public IReadOnlyList<DataField> DictionaryColumns { get; } = [RuleCodesField, OriginalFormatField, SourceFileField];

    public void Add(RejectedRecord record)
    {
        _eventId.Add(record.EventId?.ToString());
        _ruleCodes.Add(string.Join(',', record.RuleCodes));
        _originalFormat.Add(record.OriginalFormat);
        _original.Add(record.Original);
        _detail.Add(record.Detail);
        _sourceFile.Add(record.Origin.SourceFile);
        _sourcePartition.Add(record.Origin.Partition);
        _sourceOffset.Add(record.Origin.Offset);
        _eventTime.Add(record.EventTime);
        _rejectedAt.Add(record.RejectedAt);
    }

    public async Task WriteColumnsAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAsync(EventIdField, _eventId.AsSegment()!);
        await rowGroup.WriteAsync(RuleCodesField, _ruleCodes.AsSegment());
        await rowGroup.WriteAsync(OriginalFormatField, _originalFormat.AsSegment());
        await rowGroup.WriteAsync(OriginalField, _original.AsSegment());
        await rowGroup.WriteAsync(DetailField, _detail.AsSegment()!);
        await rowGroup.WriteAsync(SourceFileField, _sourceFile.AsSegment());
        await rowGroup.WriteAsync(SourcePartitionField, _sourcePartition.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(SourceOffsetField, _sourceOffset.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(EventTimeField, _eventTime.AsMemory(), cancellationToken: cancellationToken);
        await rowGroup.WriteAsync(RejectedAtField, _rejectedAt.AsMemory(), cancellationToken: cancellationToken);
    }
}
