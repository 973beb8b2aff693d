using CartStream.Broker.Protocol;

namespace CartStream.Broker.Handlers;

internal sealed partial class RequestHandler
{
    private void OffsetCommit(KafkaReader reader, short version, KafkaWriter writer)
    {
        var groupId = reader.ReadString();
        var generation = reader.ReadInt32();
        var memberId = reader.ReadString();
        if (version <= 4)
        {
            reader.ReadInt64();
        }

        if (version >= 7)
        {
            reader.ReadNullableString();
        }

        var requested = reader.ReadArray(r => (Topic: r.ReadString(), Partitions: r.ReadArray(p =>
        {
            var partition = p.ReadInt32();
            var offset = p.ReadInt64();
            if (version >= 6)
            {
                p.ReadInt32();
            }

            return (Partition: partition, Offset: offset, Metadata: p.ReadNullableString());
        }, 14)), 6);

        var groupError = ErrorCode.None;
        if (groupId.Length == 0)
        {
            groupError = ErrorCode.InvalidGroupId;
        }
        else if (groups.Find(groupId) is { } group)
        {
            lock (group.Sync)
            {
                groupError = group.CheckCommit(memberId, generation);
            }
        }
        else if (generation >= 0)
        {
            groupError = ErrorCode.IllegalGeneration;
        }

        var accepted = new List<(string, int, long, string?)>();
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(requested.Count);
        foreach (var (topic, partitions) in requested)
        {
            writer.WriteString(topic);
            writer.WriteInt32(partitions.Count);
            foreach (var (partition, offset, metadata) in partitions)
            {
                var error = groupError != ErrorCode.None ? groupError
                    : topics.Get(topic, partition) is null ? ErrorCode.UnknownTopicOrPartition
                    : ErrorCode.None;
                if (error == ErrorCode.None)
                {
                    accepted.Add((topic, partition, offset, metadata));
                }

                writer.WriteInt32(partition);
                writer.WriteInt16(error);
            }
        }

        groups.Offsets.Commit(groupId, accepted);
    }

    private void OffsetFetch(KafkaReader reader, short version, KafkaWriter writer)
    {
        var groupId = reader.ReadString();
        var requested = version >= 2
            ? reader.ReadNullableArray(r => (r.ReadString(), r.ReadArray(p => p.ReadInt32(), 4)), 6)
            : reader.ReadArray(r => (r.ReadString(), r.ReadArray(p => p.ReadInt32(), 4)), 6);
        requested ??= [.. groups.Offsets.ForGroup(groupId).GroupBy(o => o.Topic).Select(g => (g.Key, g.Select(o => o.Partition).ToList()))];
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(requested.Count);
        foreach (var (topic, partitions) in requested)
        {
            writer.WriteString(topic);
            writer.WriteInt32(partitions.Count);
            foreach (var partition in partitions)
            {
                var committed = groups.Offsets.Get(groupId, topic, partition);
                writer.WriteInt32(partition);
                writer.WriteInt64(committed?.Offset ?? -1);
                if (version >= 5)
                {
                    writer.WriteInt32(-1);
                }

                writer.WriteNullableString(committed?.Metadata ?? "");
                writer.WriteInt16(ErrorCode.None);
            }
        }

        if (version >= 2)
        {
            writer.WriteInt16(ErrorCode.None);
        }
    }
}
