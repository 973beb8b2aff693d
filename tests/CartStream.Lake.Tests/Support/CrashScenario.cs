using CartStream.Lake.Sink;
using CartStream.Lake.Storage;

namespace CartStream.Lake.Tests.Support;

/// <summary>
/// A partition log replayed through the sink's core with crashes at random writes: after each crash the sink
/// recovers from what the lake holds and re-reads from where recovery says, as a restarted sink would.
/// </summary>
public static class CrashScenario
{
    /// <summary>The log's offsets (with gaps, as transaction markers leave) and which of them are dead letters.</summary>
    public static (List<long> Offsets, HashSet<long> DeadLetters) Log(int seed, int records)
    {
        var random = new Random(seed);
        var offsets = new List<long>();
        var offset = 0L;
        while (offsets.Count < records)
        {
            offset += random.Next(10) == 0 ? 2 : 1;
            offsets.Add(offset);
        }

        return (offsets, offsets.Where(_ => random.Next(10) == 0).ToHashSet());
    }

    /// <summary>Runs the log to its end with <paramref name="crashes"/> crashes; returns how many happened.</summary>
    public static async Task<int> RunAsync(IObjectStore lake, string topic, int seed, int records, int crashes, CancellationToken ct)
    {
        var random = new Random(seed);
        var (log, deadLetters) = Log(seed, records);
        var start = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var options = new PartitionFileWriterOptions { MaxRecords = random.Next(5, 40), RecordTimeInterval = TimeSpan.FromMinutes(1) };
        var crashed = 0;
        while (true)
        {
            // Each run of the "process" may die after a random number of writes to the lake.
            var store = crashed < crashes ? new FaultyObjectStore(lake, random.Next(0, 12)) : new FaultyObjectStore(lake, int.MaxValue);
            var clock = new ManualTimeProvider();
            try
            {
                var resume = await PartitionRecovery.RecoverAsync(store, topic, 0, timeBasedLayout: false, ct);
                var next = resume.NextOffset ?? 0;
                var writer = new PartitionFileWriter(store, topic, 0, options, next, clock);
                foreach (var offset in log.Where(o => o >= next))
                {
                    var time = start.AddSeconds(offset * 3);
                    if (deadLetters.Contains(offset))
                    {
                        await writer.AppendDeadLetterAsync(offset, time, key: null, value: new byte[] { 0x42 }, "wrong magic byte", ct);
                    }
                    else
                    {
                        await writer.AppendAsync(offset, time, OffsetRecords.Schema, OffsetRecords.Encode(offset), ct);
                    }

                    if (random.Next(15) == 0)
                    {
                        // Low traffic for a moment: the wall-clock age closes the file at an arbitrary offset.
                        clock.Advance(TimeSpan.FromSeconds(2));
                        await writer.PublishIfDueAsync(ct);
                    }
                }

                await writer.PublishAsync(ct);
                return crashed;
            }
            catch (ObjectStoreException) when (store.HasFailed)
            {
                crashed++;
            }
        }
    }
}
