using CartStream.Broker.Protocol;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker.Groups;

/// <summary>
/// One group's membership and generation. Every method runs under the group's lock; waiting members are
/// parked on task completion sources that the rebalance completes.
/// </summary>
internal sealed class ConsumerGroup(string id, int initialDelayMs, ILogger logger)
{
    private readonly Dictionary<string, GroupMember> _members = new(StringComparer.Ordinal);
    private long _rebalanceDeadline;
    private long _joinNotBefore;

    public string Id { get; } = id;

    public object Sync { get; } = new();

    public GroupState State { get; private set; } = GroupState.Empty;

    public int Generation { get; private set; }

    public string? ProtocolType { get; private set; }

    public string? Protocol { get; private set; }

    public string? LeaderId { get; private set; }

    public IReadOnlyCollection<GroupMember> Members => _members.Values;

    public GroupMember? Find(string memberId) => _members.GetValueOrDefault(memberId);

    public Task<JoinResult> Join(string memberId, string clientId, string clientHost, string? instanceId, int sessionTimeoutMs,
        int rebalanceTimeoutMs, string protocolType, List<(string Name, byte[] Metadata)> protocols, long now)
    {
        if (memberId.Length > 0 && !_members.ContainsKey(memberId))
        {
            return Task.FromResult(JoinResult.Failed(ErrorCode.UnknownMemberId, memberId));
        }

        if (protocols.Count == 0 || (_members.Count > 0 && (protocolType != ProtocolType
            || !protocols.Any(p => _members.Values.All(m => m.Id == memberId || m.Protocols.Any(q => q.Name == p.Name))))))
        {
            return Task.FromResult(JoinResult.Failed(ErrorCode.InconsistentGroupProtocol, memberId));
        }

        if (memberId.Length == 0)
        {
            memberId = $"{clientId}-{Guid.NewGuid():N}";
            _members[memberId] = new GroupMember(memberId, clientId, clientHost);
        }

        var member = _members[memberId];
        member.InstanceId = instanceId;
        member.SessionTimeoutMs = sessionTimeoutMs;
        member.RebalanceTimeoutMs = rebalanceTimeoutMs;
        member.Protocols = protocols;
        member.LastHeartbeat = now;
        member.PendingJoin?.TrySetResult(JoinResult.Failed(ErrorCode.UnknownMemberId, memberId));
        member.PendingJoin = new TaskCompletionSource<JoinResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        ProtocolType = protocolType;
        var task = member.PendingJoin.Task;
        if (State != GroupState.PreparingRebalance)
        {
            PrepareRebalance(now, firstJoin: State == GroupState.Empty);
        }

        TryCompleteJoin(now);
        return task;
    }

    private void PrepareRebalance(long now, bool firstJoin)
    {
        foreach (var member in _members.Values)
        {
            member.PendingSync?.TrySetResult((ErrorCode.RebalanceInProgress, []));
            member.PendingSync = null;
        }

        State = GroupState.PreparingRebalance;
        _rebalanceDeadline = now + Math.Max(1000, _members.Values.Select(m => m.RebalanceTimeoutMs).DefaultIfEmpty(0).Max());
        // A new group waits a moment, so members started together land in one generation, not one each.
        _joinNotBefore = firstJoin ? now + initialDelayMs : now;
    }

    /// <summary>Completes the rebalance once every member has rejoined (or the deadline dropped the rest).</summary>
    private void TryCompleteJoin(long now)
    {
        if (State != GroupState.PreparingRebalance || now < _joinNotBefore)
        {
            return;
        }

        if (now < _rebalanceDeadline && _members.Values.Any(m => m.PendingJoin is null))
        {
            return;
        }

        foreach (var late in _members.Values.Where(m => m.PendingJoin is null).ToList())
        {
            Remove(late, "did not rejoin within the rebalance timeout");
        }

        Generation++;
        if (_members.Count == 0)
        {
            State = GroupState.Empty;
            Protocol = null;
            LeaderId = null;
            return;
        }

        if (LeaderId is null || !_members.ContainsKey(LeaderId))
        {
            LeaderId = _members.Keys.First();
        }

        var leader = _members[LeaderId];
        Protocol = leader.Protocols.Select(p => p.Name).First(name => _members.Values.All(m => m.Protocols.Any(q => q.Name == name)));
        State = GroupState.CompletingRebalance;
        var all = _members.Values.Select(m => (m.Id, m.InstanceId, m.MetadataFor(Protocol))).ToList();
        foreach (var member in _members.Values)
        {
            member.LastHeartbeat = now;
            member.PendingJoin!.TrySetResult(new JoinResult(ErrorCode.None, Generation, Protocol, LeaderId, member.Id,
                member.Id == LeaderId ? all : []));
            member.PendingJoin = null;
        }

        Log.GroupRebalanced(logger, Id, Generation, _members.Count, LeaderId);
    }

    public Task<(short Error, byte[] Assignment)> SyncGroup(string memberId, int generation, List<(string MemberId, byte[] Assignment)> assignments, long now)
    {
        if (!_members.TryGetValue(memberId, out var member))
        {
            return Task.FromResult((ErrorCode.UnknownMemberId, Array.Empty<byte>()));
        }

        if (generation != Generation)
        {
            return Task.FromResult((ErrorCode.IllegalGeneration, Array.Empty<byte>()));
        }

        member.LastHeartbeat = now;
        switch (State)
        {
            case GroupState.Stable:
                return Task.FromResult((ErrorCode.None, member.Assignment));
            case GroupState.CompletingRebalance:
                break;
            default:
                return Task.FromResult((ErrorCode.RebalanceInProgress, Array.Empty<byte>()));
        }

        member.PendingSync = new TaskCompletionSource<(short, byte[])>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = member.PendingSync.Task;
        if (memberId == LeaderId)
        {
            foreach (var m in _members.Values)
            {
                m.Assignment = assignments.FirstOrDefault(a => a.MemberId == m.Id).Assignment ?? [];
            }

            State = GroupState.Stable;
            foreach (var m in _members.Values)
            {
                m.PendingSync?.TrySetResult((ErrorCode.None, m.Assignment));
                m.PendingSync = null;
            }
        }

        return task;
    }

    public short Heartbeat(string memberId, int generation, long now)
    {
        if (!_members.TryGetValue(memberId, out var member))
        {
            return ErrorCode.UnknownMemberId;
        }

        if (generation != Generation)
        {
            return ErrorCode.IllegalGeneration;
        }

        member.LastHeartbeat = now;
        return State == GroupState.PreparingRebalance ? ErrorCode.RebalanceInProgress : ErrorCode.None;
    }

    public short Leave(string memberId, long now)
    {
        if (!_members.TryGetValue(memberId, out var member))
        {
            return ErrorCode.UnknownMemberId;
        }

        Remove(member, "left the group");
        Rebalance(now);
        return ErrorCode.None;
    }

    /// <summary>Checks validity of a commit by a member (generation -1 is a commit from outside any group).</summary>
    public short CheckCommit(string memberId, int generation)
    {
        if (generation < 0)
        {
            return _members.Count == 0 ? ErrorCode.None : ErrorCode.IllegalGeneration;
        }

        if (!_members.ContainsKey(memberId))
        {
            return ErrorCode.UnknownMemberId;
        }

        if (generation != Generation)
        {
            return ErrorCode.IllegalGeneration;
        }

        return State == GroupState.CompletingRebalance ? ErrorCode.RebalanceInProgress : ErrorCode.None;
    }

    /// <summary>The periodic check: expire silent members, finish rebalances whose wait is over.</summary>
    public void Tick(long now)
    {
        if (State is GroupState.Stable or GroupState.CompletingRebalance or GroupState.PreparingRebalance)
        {
            var expired = _members.Values
                .Where(m => m.PendingJoin is null && m.PendingSync is null && now - m.LastHeartbeat > m.SessionTimeoutMs)
                .ToList();
            foreach (var member in expired)
            {
                Remove(member, "session timed out");
            }

            if (expired.Count > 0)
            {
                Rebalance(now);
            }
        }

        TryCompleteJoin(now);
    }

    private void Rebalance(long now)
    {
        if (State != GroupState.PreparingRebalance)
        {
            PrepareRebalance(now, firstJoin: false);
        }

        TryCompleteJoin(now);
    }

    private void Remove(GroupMember member, string reason)
    {
        _members.Remove(member.Id);
        member.PendingJoin?.TrySetResult(JoinResult.Failed(ErrorCode.UnknownMemberId, member.Id));
        member.PendingSync?.TrySetResult((ErrorCode.UnknownMemberId, []));
        if (LeaderId == member.Id)
        {
            LeaderId = null;
        }

        Log.MemberRemoved(logger, Id, member.Id, reason);
    }
}
