using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CartStream.Ingestion;

/// <summary>Reads the newest message of each partition to find where a restarted producer resumes.</summary>
public static class ResumePointReader
{
    /// <summary>
    /// The last sequence of <paramref name="stream"/> each partition holds, read from the
    /// <see cref="ProducerHeaders"/> of its newest message. A partition whose newest message belongs to no stream
    /// or to another one counts as holding none of this stream.
    /// </summary>
    public static ResumePoint Read(ConsumerConfig config, string topic, int partitionCount, long stream, TimeSpan timeout, ILogger logger)
    {
        var last = Enumerable.Repeat(-1L, partitionCount).ToArray();
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler(KafkaLogBridge.To(logger)).Build();

        var wanted = new List<TopicPartitionOffset>();
        for (var p = 0; p < partitionCount; p++)
        {
            var partition = new TopicPartition(topic, p);
            var watermarks = consumer.QueryWatermarkOffsets(partition, timeout);
            if (watermarks.High > watermarks.Low)
            {
                wanted.Add(new TopicPartitionOffset(partition, watermarks.High - 1));
            }
        }

        if (wanted.Count == 0)
        {
            return new ResumePoint(last);
        }

        consumer.Assign(wanted);
        var pending = wanted.Select(w => w.Partition.Value).ToHashSet();
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new IngestionException(
                    $"Could not read the newest message of partitions [{string.Join(", ", pending)}] of '{topic}' within {timeout.TotalSeconds:0} s.",
                    isTransient: true);
            }

            var result = consumer.Consume(remaining);
            if (result is null || result.IsPartitionEOF || !pending.Remove(result.Partition.Value))
            {
                continue;
            }

            var headers = result.Message.Headers;
            last[result.Partition.Value] = ProducerHeaders.ReadStream(headers) == stream
                ? ProducerHeaders.ReadSequence(headers) ?? -1
                : -1;
        }

        consumer.Close();
        return new ResumePoint(last);
    }
}
