using CartStream.Broker.Protocol;
using CartStream.Broker.Storage;
using CartStream.Testing;

namespace CartStream.Broker.Tests;

/// <summary>The partition log on disk: segments, the sparse index, retention and reopening.</summary>
public sealed class StorageTests
{
    [Fact]
    public void Segments_roll_and_size_retention_removes_only_whole_old_segments_that_stay_removed_after_reopening()
    {
        using var data = new TempDirectory("broker-storage");
        var options = new BrokerOptions { DataDirectory = data.Path, SegmentBytes = 1024, IndexIntervalBytes = 128, RetentionBytes = 3000 };
        var folder = data.Combine("retained-0");
        long start;
        using (var log = PartitionLog.Open(folder, "retained", 0, options, out _))
        {
            for (var i = 0; i < 60; i++)
            {
                var result = log.Append(RawClient.Batch(-1, -1, -1, $"record-{i:D3}-{new string('x', 40)}"));
                Assert.Equal((ErrorCode.None, (long)i), (result.ErrorCode, result.BaseOffset));
            }

            var segmentsBefore = Directory.GetFiles(folder, "*.log").Length;
            Assert.True(segmentsBefore > 3, $"{segmentsBefore} segments");
            Assert.True(log.ApplyRetention(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) > 0);
            Assert.True(Directory.GetFiles(folder, "*.log").Length < segmentsBefore);
            start = log.LogStartOffset;
            Assert.True(start > 0);
            Assert.Equal(60, log.HighWatermark);
            Assert.Equal(Path.Combine(folder, $"{start:D20}.log"), Directory.GetFiles(folder, "*.log").Order().First());
        }

        using var reopened = PartitionLog.Open(folder, "retained", 0, options, out var truncated);
        Assert.Equal(0, truncated);
        Assert.Equal((start, 60L), (reopened.LogStartOffset, reopened.HighWatermark));

        // Every offset still kept is found through the index, in whichever segment holds it.
        for (var offset = start; offset < 60; offset++)
        {
            using var writer = new KafkaWriter();
            Assert.Equal(ErrorCode.None, reopened.ReadInto(offset, 1 << 20, writer, out var written));
            Assert.True(written > 0);
            var bytes = writer.Complete().Span[8..];
            Assert.True(RecordBatch.TryRead(bytes, out var first));
            Assert.Equal(offset, first.BaseOffset);
        }

        using var below = new KafkaWriter();
        Assert.Equal(ErrorCode.OffsetOutOfRange, reopened.ReadInto(start - 1, 1 << 20, below, out _));
    }
}
