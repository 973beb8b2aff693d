using System.Net;
using CartStream.Broker.Groups;
using CartStream.Broker.Protocol;

namespace CartStream.Broker.Handlers;

internal sealed partial class RequestHandler
{
    private async Task JoinGroupAsync(KafkaReader reader, short version, KafkaWriter writer, string? clientId, EndPoint? remote,
        CancellationToken cancellationToken)
    {
        var groupId = reader.ReadString();
        var sessionTimeout = reader.ReadInt32();
        var rebalanceTimeout = version >= 1 ? reader.ReadInt32() : sessionTimeout;
        var memberId = reader.ReadString();
        var instanceId = version >= 5 ? reader.ReadNullableString() : null;
        var protocolType = reader.ReadString();
        var protocols = reader.ReadArray(r => (r.ReadString(), r.ReadBytes().ToArray()), 6);

        JoinResult result;
        if (groupId.Length == 0)
        {
            result = JoinResult.Failed(ErrorCode.InvalidGroupId, memberId);
        }
        else if (sessionTimeout is < 1000 or > 3_600_000)
        {
            result = JoinResult.Failed(ErrorCode.InvalidSessionTimeout, memberId);
        }
        else
        {
            var group = groups.GetOrCreate(groupId);
            Task<JoinResult> pending;
            lock (group.Sync)
            {
                pending = group.Join(memberId, clientId ?? "", (remote as IPEndPoint)?.Address.ToString() ?? "", instanceId,
                    sessionTimeout, rebalanceTimeout, protocolType, protocols, GroupCoordinator.Now);
            }

            result = await pending.WaitAsync(cancellationToken);
        }

        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(result.Error);
        writer.WriteInt32(result.Generation);
        writer.WriteString(result.Protocol);
        writer.WriteString(result.Leader);
        writer.WriteString(result.MemberId);
        writer.WriteInt32(result.Members.Count);
        foreach (var (id, instance, metadata) in result.Members)
        {
            writer.WriteString(id);
            if (version >= 5)
            {
                writer.WriteNullableString(instance);
            }

            writer.WriteBytes(metadata);
        }
    }

    private async Task SyncGroupAsync(KafkaReader reader, short version, KafkaWriter writer, CancellationToken cancellationToken)
    {
        var groupId = reader.ReadString();
        var generation = reader.ReadInt32();
        var memberId = reader.ReadString();
        if (version >= 3)
        {
            reader.ReadNullableString();
        }

        var assignments = reader.ReadArray(r => (r.ReadString(), r.ReadBytes().ToArray()), 6);
        (short Error, byte[] Assignment) result = (ErrorCode.UnknownMemberId, []);
        if (groups.Find(groupId) is { } group)
        {
            Task<(short, byte[])> pending;
            lock (group.Sync)
            {
                pending = group.SyncGroup(memberId, generation, assignments, GroupCoordinator.Now);
            }

            result = await pending.WaitAsync(cancellationToken);
        }

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(result.Error);
        writer.WriteBytes(result.Assignment);
    }

    private void Heartbeat(KafkaReader reader, short version, KafkaWriter writer)
    {
        var groupId = reader.ReadString();
        var generation = reader.ReadInt32();
        var memberId = reader.ReadString();
        if (version >= 3)
        {
            reader.ReadNullableString();
        }

        var error = ErrorCode.UnknownMemberId;
        if (groups.Find(groupId) is { } group)
        {
            lock (group.Sync)
            {
                error = group.Heartbeat(memberId, generation, GroupCoordinator.Now);
            }
        }

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(error);
    }

    private void LeaveGroup(KafkaReader reader, short version, KafkaWriter writer)
    {
        var groupId = reader.ReadString();
        var memberId = reader.ReadString();
        var error = ErrorCode.UnknownMemberId;
        if (groups.Find(groupId) is { } group)
        {
            lock (group.Sync)
            {
                error = group.Leave(memberId, GroupCoordinator.Now);
            }
        }

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(error);
    }

    private void DescribeGroups(KafkaReader reader, short version, KafkaWriter writer)
    {
        var ids = reader.ReadArray(r => r.ReadString(), 2);
        if (version >= 3)
        {
            reader.ReadBool();
        }

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(ids.Count);
        foreach (var id in ids)
        {
            var group = groups.Find(id);
            if (group is null)
            {
                writer.WriteInt16(ErrorCode.None);
                writer.WriteString(id);
                writer.WriteString(groups.Offsets.ForGroup(id).Any() ? nameof(GroupState.Empty) : nameof(GroupState.Dead));
                writer.WriteString("");
                writer.WriteString("");
                writer.WriteInt32(0);
            }
            else
            {
                lock (group.Sync)
                {
                    writer.WriteInt16(ErrorCode.None);
                    writer.WriteString(id);
                    writer.WriteString(group.State.ToString());
                    writer.WriteString(group.ProtocolType ?? "");
                    writer.WriteString(group.Protocol ?? "");
                    writer.WriteInt32(group.Members.Count);
                    foreach (var member in group.Members)
                    {
                        writer.WriteString(member.Id);
                        if (version >= 4)
                        {
                            writer.WriteNullableString(member.InstanceId);
                        }

                        writer.WriteString(member.ClientId);
                        writer.WriteString(member.ClientHost);
                        writer.WriteBytes(member.MetadataFor(group.Protocol));
                        writer.WriteBytes(member.Assignment);
                    }
                }
            }

            if (version >= 3)
            {
                writer.WriteInt32(int.MinValue);
            }
        }
    }

    private void ListGroups(short version, KafkaWriter writer)
    {
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(ErrorCode.None);
        var ids = groups.AllGroupIds.Order(StringComparer.Ordinal).ToList();
        writer.WriteInt32(ids.Count);
        foreach (var id in ids)
        {
            writer.WriteString(id);
            writer.WriteString(groups.Find(id)?.ProtocolType ?? "");
        }
    }
}
