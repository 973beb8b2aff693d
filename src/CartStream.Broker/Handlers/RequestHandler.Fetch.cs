using CartStream.Broker.Protocol;

namespace CartStream.Broker.Handlers;

internal sealed partial class RequestHandler
{
    /// <summary>Fetch: waits on the connection's own thread (no thread-pool hop) until min_bytes or max_wait_ms.</summary>
    private KafkaWriter Fetch(RequestHeader header, KafkaReader reader, CancellationToken cancellationToken)
    {
        var version = header.ApiVersion;
        reader.ReadInt32();
        var maxWaitMs = Math.Clamp(reader.ReadInt32(), 0, 30_000);
        var minBytes = reader.ReadInt32();
        var maxBytes = reader.ReadInt32();
        reader.ReadInt8();
        if (version >= 7)
        {
            reader.ReadInt32();
            reader.ReadInt32();
        }

        var requests = reader.ReadArray(r =>
        {
            var topic = r.ReadString();
            var partitions = r.ReadArray(pr =>
            {
                var partition = pr.ReadInt32();
                if (version >= 9)
                {
                    pr.ReadInt32();
                }

                var offset = pr.ReadInt64();
                if (version >= 5)
                {
                    pr.ReadInt64();
                }

                return (Partition: partition, Offset: offset, MaxBytes: pr.ReadInt32());
            }, 16);
            return (Topic: topic, Partitions: partitions);
        }, 6);
        if (version >= 7)
        {
            reader.ReadArray(r => (r.ReadString(), r.ReadArray(pr => pr.ReadInt32(), 4)), 6);
        }

        if (version >= 11)
        {
            reader.ReadString();
        }

        var deadline = Environment.TickCount64 + maxWaitMs;
        while (true)
        {
            // Take the arrival signals before reading, so an append between the read and the wait is not missed.
            var arrivals = new List<Task>();
            foreach (var (topic, partitions) in requests)
            {
                foreach (var request in partitions)
                {
                    if (topics.Get(topic, request.Partition) is { } log)
                    {
                        arrivals.Add(log.DataArrived);
                    }
                }
            }

            var writer = new KafkaWriter(4096);
            writer.WriteInt32(header.CorrelationId);
            var (bytes, failed) = WriteFetchResponse(writer, version, requests, maxBytes);
            var remaining = deadline - Environment.TickCount64;
            if (bytes >= minBytes || failed || remaining <= 0 || arrivals.Count == 0)
            {
                return writer;
            }

            writer.Dispose();
            Task.WaitAny([.. arrivals], (int)remaining, cancellationToken);
        }
    }

    private (int Bytes, bool Failed) WriteFetchResponse(KafkaWriter writer, short version,
        List<(string Topic, List<(int Partition, long Offset, int MaxBytes)> Partitions)> requests, int maxBytes)
    {
        var total = 0;
        var failed = false;
        writer.WriteInt32(0);
        if (version >= 7)
        {
            writer.WriteInt16(ErrorCode.None);
            writer.WriteInt32(0);
        }

        writer.WriteInt32(requests.Count);
        foreach (var (topic, partitions) in requests)
        {
            writer.WriteString(topic);
            writer.WriteInt32(partitions.Count);
            foreach (var (partition, offset, partitionMaxBytes) in partitions)
            {
                var log = topics.Get(topic, partition);
                writer.WriteInt32(partition);
                var errorAt = writer.Length;
                writer.WriteInt16(ErrorCode.None);
                writer.WriteInt64(log?.HighWatermark ?? -1);
                writer.WriteInt64(log?.HighWatermark ?? -1);
                if (version >= 5)
                {
                    writer.WriteInt64(log?.LogStartOffset ?? -1);
                }

                writer.WriteInt32(-1);
                if (version >= 11)
                {
                    writer.WriteInt32(-1);
                }

                var error = ErrorCode.UnknownTopicOrPartition;
                var budget = total == 0 ? partitionMaxBytes : Math.Min(partitionMaxBytes, maxBytes - total);
                if (log is not null && budget > 0)
                {
                    error = log.ReadInto(offset, budget, writer, out var written);
                    total += written;
                }
                else if (log is not null)
                {
                    error = ErrorCode.None;
                    writer.WriteInt32(0);
                }

                if (error != ErrorCode.None)
                {
                    failed = true;
                    writer.PatchInt16(errorAt, error);
                    writer.WriteInt32(-1);
                }
            }
        }

        return (total, failed);
    }

    private void ListOffsets(KafkaReader reader, short version, KafkaWriter writer)
    {
        reader.ReadInt32();
        if (version >= 2)
        {
            reader.ReadInt8();
        }

        var topicCount = reader.ReadArrayLength(6);
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString();
            writer.WriteString(name);
            var partitionCount = reader.ReadArrayLength(12);
            writer.WriteInt32(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                var partition = reader.ReadInt32();
                if (version >= 4)
                {
                    reader.ReadInt32();
                }

                var timestamp = reader.ReadInt64();
                var log = topics.Get(name, partition);
                var offset = log is null ? -1
                    : timestamp == -1 ? log.HighWatermark
                    : timestamp == -2 ? log.LogStartOffset
                    : log.OffsetForTimestamp(timestamp) is var found && found >= 0 ? found : log.HighWatermark;
                writer.WriteInt32(partition);
                writer.WriteInt16(log is null ? ErrorCode.UnknownTopicOrPartition : ErrorCode.None);
                writer.WriteInt64(-1);
                writer.WriteInt64(offset);
                if (version >= 4)
                {
                    writer.WriteInt32(-1);
                }
            }
        }
    }
}
