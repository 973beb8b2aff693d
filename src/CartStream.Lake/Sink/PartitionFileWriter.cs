using System.Buffers;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Sink;

/// <summary>
/// The sink's core for one Kafka partition, without Kafka: takes records in offset order, keeps them until a
/// rotation rule closes the batch, then publishes it through the object store as an Avro container file named by
/// its first offset (and a <c>-dlq</c> file for records that could not be landed), and records the batch's end
/// offset under <c>_state/sink/</c>.
/// </summary>
/// <remarks>
/// Exactly-once rests on three things: file names are fixed by their first offset, files become visible
/// atomically, and the state record is written only after the files (and the Kafka commit only after the state).
/// So at most one batch can be visible beyond the state record, and <see cref="PartitionRecovery"/> either adopts
/// it whole or deletes it before the sink resumes. If a publish fails, nothing is forgotten: call
/// <see cref="PublishAsync"/> (or the append that failed) again; it rewrites the same keys.
/// <para>
/// Two ways to use it: the async <see cref="AppendAsync"/> / <see cref="PublishAsync"/> pair, which publishes in
/// line; or the synchronous <see cref="TryAppend"/> / <see cref="TryAppendDeadLetter"/> with <see cref="Seal"/>,
/// <see cref="WriteSealedAsync"/> and <see cref="CompleteSealed"/>, which let the caller write a closed batch on
/// another thread while this writer fills the next one (the sink's hot path). At most one batch is sealed at a
/// time, so batches are still published in offset order. Not thread-safe, except that
/// <see cref="WriteSealedAsync"/> may run while the open batch is appended to.
/// </para>
/// Memory: the open batch's encoded records, at most <see cref="PartitionFileWriterOptions.MaxBufferedBytes"/>
/// plus one record, plus the sealed batch being written (as large again).
/// </remarks>
public sealed class PartitionFileWriter
{
    private readonly IObjectStore _store;
    private readonly PartitionFileWriterOptions _options;
    private readonly TimeProvider _time;
    private RecordBuffer _records = new();
    private RecordBuffer _deadLetters = new();
    private readonly ArrayBufferWriter<byte> _deadLetterScratch = new(256);
    private SealedBatch? _sealed;
    private WriterSchema? _schema;
    private DateTimeOffset _batchFirstTimestamp;
    private long _openedAt;
    private long _lastOffset;
    private long _sealedEnd;

    /// <summary>A writer for <paramref name="topic"/>/<paramref name="partition"/> whose next record is at or after <paramref name="nextOffset"/>.</summary>
    public PartitionFileWriter(IObjectStore store, string topic, int partition, PartitionFileWriterOptions options, long nextOffset = 0, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(nextOffset);
        _ = LakeLayout.PartitionPrefix(topic, partition);
        if (options.RecordTimeInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), interval, "RecordTimeInterval must be positive (or null for no record-time rotation).");
        }

        _store = store;
        Topic = topic;
        Partition = partition;
        _options = options;
        _time = time ?? TimeProvider.System;
        _lastOffset = nextOffset - 1;
        _sealedEnd = nextOffset - 1;
    }

    /// <summary>The topic.</summary>
    public string Topic { get; }

    /// <summary>The partition.</summary>
    public int Partition { get; }

    /// <summary>True when no record waits to be published (neither open nor sealed).</summary>
    public bool IsEmpty => IsOpenEmpty && _sealed is null;

    /// <summary>True while a sealed batch waits for <see cref="CompleteSealed"/>.</summary>
    public bool HasSealed => _sealed is not null;

    /// <summary>Records waiting in the open batch, good and dead-letter.</summary>
    public int BufferedRecords => _records.Count + _deadLetters.Count;

    /// <summary>
    /// Bytes of encoded records held, open and sealed: what a sink adds up across partitions to bound its memory.
    /// </summary>
    public long BufferedBytes => OpenBytes + (_sealed?.Bytes ?? 0);

    /// <summary>Bytes of encoded records in the open batch.</summary>
    public long OpenBytes => _records.Bytes + _deadLetters.Bytes;

    /// <summary>
    /// True when the open batch must be published now: it is full (records or bytes) or has been open for
    /// <see cref="PartitionFileWriterOptions.MaxFileAge"/>.
    /// </summary>
    public bool IsDue => !IsOpenEmpty && (IsFull || _time.GetElapsedTime(_openedAt) >= _options.MaxFileAge);

    private bool IsOpenEmpty => _records.Count == 0 && _deadLetters.Count == 0;

    private bool IsFull => BufferedRecords >= _options.MaxRecords || OpenBytes >= _options.MaxBufferedBytes;

    /// <summary>
    /// Adds a record that is Avro binary for <paramref name="schema"/> (the Kafka value without its 5-byte
    /// wire-format prefix). If the record cannot join the open batch (full, another record-time interval or hour,
    /// another schema), the open batch is published first and returned.
    /// </summary>
    public async Task<PublishedBatch?> AppendAsync(long offset, DateTimeOffset timestamp, WriterSchema schema, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return await AppendOrPublishAsync(() => TryAppend(offset, timestamp, schema, record.Span), cancellationToken);
    }

    /// <summary>
    /// Adds a record the sink could not land as an event (wrong magic byte, unknown schema id, not Avro) with
    /// its original key and value and the reason. It goes to the batch's <c>-dlq</c> file.
    /// </summary>
    public async Task<PublishedBatch?> AppendDeadLetterAsync(
        long offset, DateTimeOffset timestamp, ReadOnlyMemory<byte>? key, ReadOnlyMemory<byte>? value, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return await AppendOrPublishAsync(() => TryAppendDeadLetter(offset, timestamp, key, value, reason), cancellationToken);
    }

    /// <summary>
    /// Adds a record to the open batch without any I/O, or returns false when it cannot join it (full, another
    /// record-time interval or hour, another schema): then <see cref="Seal"/> the open batch and try again.
    /// </summary>
    public bool TryAppend(long offset, DateTimeOffset timestamp, WriterSchema schema, ReadOnlySpan<byte> record)
    {
        ArgumentNullException.ThrowIfNull(schema);
        CheckOrder(offset);
        if (!IsOpenEmpty && MustCloseBefore(timestamp, schema))
        {
            return false;
        }

        Opening(timestamp);
        _schema = schema;
        _records.Append(offset, record);
        _lastOffset = offset;
        return true;
    }

    /// <summary>The synchronous <see cref="AppendDeadLetterAsync"/>: false when the open batch must be sealed first.</summary>
    public bool TryAppendDeadLetter(long offset, DateTimeOffset timestamp, ReadOnlyMemory<byte>? key, ReadOnlyMemory<byte>? value, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        CheckOrder(offset);
        if (!IsOpenEmpty && MustCloseBefore(timestamp, schema: null))
        {
            return false;
        }

        Opening(timestamp);
        _deadLetterScratch.ResetWrittenCount();
        DeadLetterSchema.Encode(
            _deadLetterScratch, Topic, Partition, offset, timestamp,
            key.GetValueOrDefault().Span, key.HasValue, value.GetValueOrDefault().Span, value.HasValue, reason);
        _deadLetters.Append(offset, _deadLetterScratch.WrittenSpan);
        _lastOffset = offset;
        return true;
    }

    /// <summary>
    /// Closes the open batch so that <see cref="WriteSealedAsync"/> can write it while new records go to a fresh
    /// batch. False when the open batch is empty or a sealed batch is still waiting for <see cref="CompleteSealed"/>.
    /// </summary>
    public bool Seal()
    {
        if (IsOpenEmpty || _sealed is not null)
        {
            return false;
        }

        // A batch covers every offset since the previous one, gaps included (transaction markers, compaction),
        // so consecutive batches are contiguous and recovery can check that none is missing.
        var batchEnd = Math.Max(_records.LastOffset, _deadLetters.LastOffset);
        _sealed = new SealedBatch(Topic, Partition, _options, _records, _deadLetters, _schema, _batchFirstTimestamp, _sealedEnd + 1, batchEnd);
        _sealedEnd = batchEnd;
        _records = new RecordBuffer();
        _deadLetters = new RecordBuffer();
        _schema = null;
        return true;
    }

    /// <summary>
    /// Writes the sealed batch: the dead-letter file, the raw file, then the state record. May run on another
    /// thread while records are appended. On failure the batch stays sealed; calling again rewrites the same keys.
    /// </summary>
    public Task<PublishedBatch> WriteSealedAsync(CancellationToken cancellationToken = default) =>
        (_sealed ?? throw new InvalidOperationException("No batch is sealed.")).WriteAsync(_store, _time.GetUtcNow(), cancellationToken);

    /// <summary>Marks the sealed batch as published (after <see cref="WriteSealedAsync"/> succeeded) and frees its memory.</summary>
    public void CompleteSealed()
    {
        _sealed?.Records.Clear();
        _sealed?.DeadLetters.Clear();
        _sealed = null;
    }

    /// <summary>Publishes the open batch if <see cref="IsDue"/>; call it when polling returns nothing, too.</summary>
    public Task<PublishedBatch?> PublishIfDueAsync(CancellationToken cancellationToken = default) =>
        IsDue || _sealed is not null ? PublishAsync(cancellationToken) : Task.FromResult<PublishedBatch?>(null);

    /// <summary>
    /// Publishes now (rotation, partition revoked, shutdown): a batch left sealed by a failed write first, else the
    /// open batch. Returns null when nothing waits. On failure everything stays buffered.
    /// </summary>
    public async Task<PublishedBatch?> PublishAsync(CancellationToken cancellationToken = default)
    {
        if (_sealed is null && !Seal())
        {
            return null;
        }

        var batch = await WriteSealedAsync(cancellationToken);
        CompleteSealed();
        return batch;
    }

    /// <summary>Drops what is buffered without publishing (the partition was revoked and another sink owns it now).</summary>
    public void Discard()
    {
        _records.Clear();
        _deadLetters.Clear();
        if (_sealed is not null)
        {
            _sealedEnd = _sealed.BatchStart - 1;
            CompleteSealed();
        }

        _schema = null;
        _lastOffset = _sealedEnd;
    }

    private async Task<PublishedBatch?> AppendOrPublishAsync(Func<bool> tryAppend, CancellationToken cancellationToken)
    {
        // A batch left sealed by a failed write goes first, so that batches land in offset order.
        var published = _sealed is not null ? await PublishAsync(cancellationToken) : null;
        if (tryAppend())
        {
            return published;
        }

        published = await PublishAsync(cancellationToken);
        return tryAppend() ? published : throw new InvalidOperationException($"{Topic}/{Partition}: a record did not fit an empty batch.");
    }

    private void CheckOrder(long offset)
    {
        if (offset <= _lastOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"Offsets of {Topic}/{Partition} must increase: {offset} follows {_lastOffset}.");
        }
    }

    private void Opening(DateTimeOffset timestamp)
    {
        if (IsEmpty)
        {
            _batchFirstTimestamp = timestamp;
            _openedAt = _time.GetTimestamp();
        }
    }

    private bool MustCloseBefore(DateTimeOffset timestamp, WriterSchema? schema)
    {
        if (IsFull || (schema is not null && _schema is not null && schema.Id != _schema.Id))
        {
            return true;
        }

        if (_options.RecordTimeInterval is { } interval && Bucket(timestamp, interval) != Bucket(_batchFirstTimestamp, interval))
        {
            return true;
        }

        return _options.TimeBasedLayout && Bucket(timestamp, TimeSpan.FromHours(1)) != Bucket(_batchFirstTimestamp, TimeSpan.FromHours(1));
    }

    private static long Bucket(DateTimeOffset time, TimeSpan interval) =>
        (long)Math.Floor(time.ToUnixTimeMilliseconds() / interval.TotalMilliseconds);
}
