using CartStream.Broker.Protocol;

namespace CartStream.Broker.Storage;

/// <summary>
/// The durable log of one partition under <c>&lt;data-dir&gt;/&lt;topic&gt;-&lt;partition&gt;/</c>: appends are
/// serialised by a lock, reads see an immutable snapshot of the segment list and never block appends.
/// </summary>
internal sealed partial class PartitionLog : IDisposable
{
    private readonly object _lock = new();
    private readonly BrokerOptions _options;
    private readonly ProducerState _producers = new();
    private volatile LogSegment[] _segments;
    private TaskCompletionSource _arrival = NewArrival();
    private bool _disposed;

    private PartitionLog(string directory, string topic, int partition, BrokerOptions options, LogSegment[] segments)
    {
        Directory = directory;
        Topic = topic;
        Partition = partition;
        _options = options;
        _segments = segments;
    }

    public string Directory { get; }

    public string Topic { get; }

    public int Partition { get; }

    /// <summary>The next offset to be written; everything below it is readable (single node: no replicas to wait for).</summary>
    public long HighWatermark => _segments[^1].NextOffset;

    public long LogStartOffset => _segments[0].BaseOffset;

    /// <summary>Bytes of the partition's segments (their record data; indexes not counted).</summary>
    public long SizeBytes => _segments.Sum(s => s.Size);

    /// <summary>Opens a partition folder, recovering what a previous run left (or creating it).</summary>
    public static PartitionLog Open(string directory, string topic, int partition, BrokerOptions options, out int truncatedSegments)
    {
        System.IO.Directory.CreateDirectory(directory);
        var bases = System.IO.Directory.GetFiles(directory, "*.log")
            .Select(path => long.TryParse(Path.GetFileNameWithoutExtension(path), out var b) ? b : -1)
            .Where(b => b >= 0)
            .Order()
            .ToList();
        var log = new PartitionLog(directory, topic, partition, options, []);
        var segments = new List<LogSegment>();
        truncatedSegments = 0;
        foreach (var baseOffset in bases)
        {
            if (segments.Count > 0 && segments[^1].NextOffset != baseOffset)
            {
                // A gap after a cut tail: what follows cannot be trusted to continue the offset chain.
                File.Delete(Path.Combine(directory, $"{baseOffset:D20}.log"));
                File.Delete(Path.Combine(directory, $"{baseOffset:D20}.index"));
                truncatedSegments++;
                continue;
            }

            var segment = LogSegment.Recover(directory, baseOffset, options.IndexIntervalBytes, checkCrc: true,
                batch => log._producers.Record(batch), out var truncated);
            segments.Add(segment);
            if (truncated)
            {
                truncatedSegments++;
            }
        }

        if (segments.Count == 0)
        {
            segments.Add(LogSegment.Create(directory, 0, options.IndexIntervalBytes));
        }

        log._segments = [.. segments];
        return log;
    }

    /// <summary>
    /// Waiters block in Task.WaitAny on their own connection thread; completing inline just sets their event,
    /// which is cheaper than a hop through the thread pool.
    /// </summary>
    private static TaskCompletionSource NewArrival() => new(TaskCreationOptions.None);

    /// <summary>Completes when something is appended after this call (for long-polling fetches).</summary>
    public Task DataArrived => Volatile.Read(ref _arrival).Task;

    /// <summary>
    /// Validates the batches of one produce request, drops a retried duplicate, assigns offsets and writes them.
    /// <paramref name="records"/> is the request's own buffer: base offsets are rewritten in place.
    /// </summary>
    public AppendResult Append(Memory<byte> records)
    {
        var span = records.Span;
        var parsed = new List<RecordBatch>(1);
        var position = 0;
        while (position < span.Length)
        {
            if (!RecordBatch.TryRead(span[position..], out var batch) || batch.TotalSize > span.Length - position)
            {
                return new AppendResult(ErrorCode.CorruptMessage, -1, -1);
            }

            if (batch.Magic != 2)
            {
                return new AppendResult(ErrorCode.UnsupportedForMessageFormat, -1, -1);
            }

            if (batch.LastOffsetDelta < 0 || !RecordBatch.HasValidCrc(span.Slice(position, batch.TotalSize), batch.Crc))
            {
                return new AppendResult(ErrorCode.CorruptMessage, -1, -1);
            }

            if (batch.IsTransactional || batch.IsControl || (parsed.Count > 0 && batch.ProducerId >= 0))
            {
                // Transactions are not offered; a client sends one batch per partition per request.
                return new AppendResult(ErrorCode.InvalidRecord, -1, -1);
            }

            parsed.Add(batch);
            position += batch.TotalSize;
        }

        if (parsed.Count == 0)
        {
            return new AppendResult(ErrorCode.CorruptMessage, -1, -1);
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return new AppendResult(ErrorCode.UnknownTopicOrPartition, -1, -1);
            }

            if (parsed.Count == 1)
            {
                switch (_producers.Check(parsed[0], out var original))
                {
                    case ProducerState.Verdict.Duplicate:
                        return new AppendResult(ErrorCode.None, original, LogStartOffset);
                    case ProducerState.Verdict.OutOfOrder:
                        return new AppendResult(ErrorCode.OutOfOrderSequenceNumber, -1, LogStartOffset);
                    case ProducerState.Verdict.Fenced:
                        return new AppendResult(ErrorCode.InvalidProducerEpoch, -1, LogStartOffset);
                }
            }

            var active = _segments[^1];
            if (active.Size > 0 && active.Size + span.Length > _options.SegmentBytes)
            {
                active = Roll(active);
            }

            var baseOffset = active.NextOffset;
            var next = baseOffset;
            position = 0;
            var assigned = new RecordBatch[parsed.Count];
            for (var i = 0; i < parsed.Count; i++)
            {
                var slice = span.Slice(position, parsed[i].TotalSize);
                RecordBatch.WriteBaseOffset(slice, next);
                RecordBatch.TryRead(slice, out assigned[i]);
                next += parsed[i].RecordCount;
                position += parsed[i].TotalSize;
            }

            active.Append(span, assigned);
            foreach (var batch in assigned)
            {
                _producers.Record(batch);
            }

            if (_options.FlushEveryBatch)
            {
                active.Flush();
            }

            return new AppendResult(ErrorCode.None, baseOffset, LogStartOffset);
        }
    }

    private LogSegment Roll(LogSegment active)
    {
        // A rolled segment is forced to disk once, so after a machine crash only the active one can be torn.
        active.Flush();
        var next = LogSegment.Create(Directory, active.NextOffset, _options.IndexIntervalBytes);
        _segments = [.. _segments, next];
        return next;
    }

    /// <summary>
    /// Wakes fetches waiting for data. Called once a whole produce request is appended, so a consumer of several
    /// partitions gets them in one answer instead of one answer per partition.
    /// </summary>
    public void SignalArrival() => Interlocked.Exchange(ref _arrival, NewArrival()).TrySetResult();

    /// <summary>Forces written data to disk (the periodic flush of the flush policy).</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _segments[^1].Flush();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var segment in _segments)
            {
                segment.Flush();
                segment.Dispose();
            }
        }

        Interlocked.Exchange(ref _arrival, NewArrival()).TrySetResult();
    }

    /// <summary>Closes the files and removes the partition folder (DeleteTopics).</summary>
    public void Delete()
    {
        Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
