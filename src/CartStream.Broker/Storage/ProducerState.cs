namespace CartStream.Broker.Storage;

/// <summary>
/// What one partition knows about each idempotent producer: its epoch, its last sequence and its last five
/// batches (as many as a client keeps in flight), so a retried batch is recognised and answered with the
/// offset it got the first time. Rebuilt from the batch headers in the log on recovery, so it survives a kill.
/// </summary>
internal sealed class ProducerState
{
    /// <summary>Batches remembered per producer: librdkafka and the Java client keep at most five in flight.</summary>
    private const int RememberedBatches = 5;

    private readonly Dictionary<long, Entry> _producers = [];

    /// <summary>The outcome of checking one batch.</summary>
    public enum Verdict
    {
        Append,
        Duplicate,
        OutOfOrder,
        Fenced,
    }

    public Verdict Check(in RecordBatch batch, out long duplicateBaseOffset)
    {
        duplicateBaseOffset = -1;
        if (batch.ProducerId < 0 || batch.BaseSequence < 0)
        {
            return Verdict.Append;
        }

        if (!_producers.TryGetValue(batch.ProducerId, out var entry))
        {
            // A producer this partition has never seen (or whose batches retention removed): accept its
            // first batch as the start of its sequence.
            return Verdict.Append;
        }

        if (batch.ProducerEpoch < entry.Epoch)
        {
            return Verdict.Fenced;
        }

        if (batch.ProducerEpoch > entry.Epoch)
        {
            return batch.BaseSequence == 0 ? Verdict.Append : Verdict.OutOfOrder;
        }

        foreach (var (first, last, offset) in entry.Recent)
        {
            if (first == batch.BaseSequence && last == batch.LastSequence)
            {
                duplicateBaseOffset = offset;
                return Verdict.Duplicate;
            }
        }

        var expected = entry.LastSequence == int.MaxValue ? 0 : entry.LastSequence + 1;
        return batch.BaseSequence == expected ? Verdict.Append : Verdict.OutOfOrder;
    }

    /// <summary>Records a batch written to the log (at append time, and for every batch found at recovery).</summary>
    public void Record(in RecordBatch batch)
    {
        if (batch.ProducerId < 0 || batch.BaseSequence < 0)
        {
            return;
        }

        if (!_producers.TryGetValue(batch.ProducerId, out var entry) || batch.ProducerEpoch != entry.Epoch)
        {
            entry = new Entry { Epoch = batch.ProducerEpoch };
            _producers[batch.ProducerId] = entry;
        }

        entry.LastSequence = batch.LastSequence;
        entry.Recent.Enqueue((batch.BaseSequence, batch.LastSequence, batch.BaseOffset));
        if (entry.Recent.Count > RememberedBatches)
        {
            entry.Recent.Dequeue();
        }
    }

    private sealed class Entry
    {
        public short Epoch { get; init; }

        public int LastSequence { get; set; } = -1;

        public Queue<(int First, int Last, long BaseOffset)> Recent { get; } = new();
    }
}
