using CartStream.Broker.Protocol;
using CartStream.Broker.Storage;

namespace CartStream.Broker.Handlers;

internal sealed partial class RequestHandler
{
    /// <summary>Produce v3+: appends each partition's batches; false when acks=0 (no answer is sent).</summary>
    private bool Produce(KafkaReader reader, short version, KafkaWriter writer)
    {
        var transactionalId = reader.ReadNullableString();
        var acks = reader.ReadInt16();
        reader.ReadInt32();
        var topicCount = reader.ReadArrayLength(6);
        var appended = new List<PartitionLog>(4);
        writer.WriteInt32(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString();
            writer.WriteString(name);
            var partitionCount = reader.ReadArrayLength(8);
            writer.WriteInt32(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                var partition = reader.ReadInt32();
                var records = reader.ReadNullableBytes();
                var result = acks is not (0 or 1 or -1) ? new AppendResult(ErrorCode.InvalidRequiredAcks, -1, -1)
                    : transactionalId is not null ? new AppendResult(ErrorCode.TransactionalIdAuthorizationFailed, -1, -1)
                    : records is null ? new AppendResult(ErrorCode.CorruptMessage, -1, -1)
                    : topics.Get(name, partition) is { } log ? Append(log, Writable(records.Value), appended)
                    : new AppendResult(ErrorCode.UnknownTopicOrPartition, -1, -1);
                writer.WriteInt32(partition);
                writer.WriteInt16(result.ErrorCode);
                writer.WriteInt64(result.BaseOffset);
                writer.WriteInt64(-1);
                if (version >= 5)
                {
                    writer.WriteInt64(result.LogStartOffset);
                }

                if (version >= 8)
                {
                    writer.WriteInt32(0);
                    writer.WriteNullableString(null);
                }
            }
        }

        writer.WriteInt32(0);
        foreach (var log in appended)
        {
            log.SignalArrival();
        }

        return acks != 0;
    }

    private static AppendResult Append(PartitionLog log, Memory<byte> records, List<PartitionLog> appended)
    {
        var result = log.Append(records);
        if (result.ErrorCode == ErrorCode.None)
        {
            appended.Add(log);
        }

        return result;
    }
}
