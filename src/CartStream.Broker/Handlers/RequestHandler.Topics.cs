using CartStream.Broker.Protocol;

namespace CartStream.Broker.Handlers;

internal sealed partial class RequestHandler
{
    private void CreateTopics(KafkaReader reader, short version, KafkaWriter writer)
    {
        var requests = reader.ReadArray(r =>
        {
            var name = r.ReadString();
            var partitions = r.ReadInt32();
            var replication = r.ReadInt16();
            var assignments = r.ReadArray(a => (a.ReadInt32(), a.ReadArray(b => b.ReadInt32(), 4)), 8);
            r.ReadArray(c => (c.ReadString(), c.ReadNullableString()), 4);
            return (Name: name, Partitions: assignments.Count > 0 ? assignments.Count : partitions, Replication: replication);
        }, 12);
        reader.ReadInt32();
        var validateOnly = version >= 1 && reader.ReadBool();
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(requests.Count);
        foreach (var (name, partitions, replication) in requests)
        {
            var count = partitions == -1 ? options.DefaultPartitions : partitions;
            short error;
            string? message = null;
            if (replication is not (1 or -1))
            {
                error = ErrorCode.InvalidReplicationFactor;
                message = "A single-node broker keeps one replica: replication factor must be 1.";
            }
            else if (validateOnly)
            {
                error = topics.Get(name) is not null ? ErrorCode.TopicAlreadyExists : ErrorCode.None;
            }
            else
            {
                error = topics.Create(name, count);
            }

            writer.WriteString(name);
            writer.WriteInt16(error);
            if (version >= 1)
            {
                writer.WriteNullableString(message);
            }
        }
    }

    private void DeleteTopics(KafkaReader reader, short version, KafkaWriter writer)
    {
        var names = reader.ReadArray(r => r.ReadString(), 2);
        reader.ReadInt32();
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(names.Count);
        foreach (var name in names)
        {
            writer.WriteString(name);
            writer.WriteInt16(topics.Delete(name));
        }
    }

    private void InitProducerId(KafkaReader reader, KafkaWriter writer)
    {
        var transactionalId = reader.ReadNullableString();
        reader.ReadInt32();
        writer.WriteInt32(0);
        if (transactionalId is not null)
        {
            // Transactions are not offered: only idempotent producers get an id.
            writer.WriteInt16(ErrorCode.TransactionalIdAuthorizationFailed);
            writer.WriteInt64(-1);
            writer.WriteInt16(-1);
            return;
        }

        writer.WriteInt16(ErrorCode.None);
        writer.WriteInt64(producerIds.Next());
        writer.WriteInt16(0);
    }

    private void FindCoordinator(KafkaReader reader, short version, KafkaWriter writer)
    {
        reader.ReadString();
        var keyType = version >= 1 ? reader.ReadInt8() : 0;
        var (host, port) = advertised();
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        var error = keyType == 0 ? ErrorCode.None : ErrorCode.CoordinatorNotAvailable;
        writer.WriteInt16(error);
        if (version >= 1)
        {
            writer.WriteNullableString(error == ErrorCode.None ? null : "Transactions are not offered by this broker.");
        }

        writer.WriteInt32(error == ErrorCode.None ? NodeId : -1);
        writer.WriteString(error == ErrorCode.None ? host : "");
        writer.WriteInt32(error == ErrorCode.None ? port : -1);
    }
}
