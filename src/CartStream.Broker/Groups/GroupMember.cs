namespace CartStream.Broker.Groups;

/// <summary>One member of a consumer group, as its JoinGroup request described it.</summary>
internal sealed class GroupMember(string id, string clientId, string clientHost)
{
    public string Id { get; } = id;

    public string ClientId { get; } = clientId;

    public string ClientHost { get; } = clientHost;

    public string? InstanceId { get; set; }

    public int SessionTimeoutMs { get; set; }

    public int RebalanceTimeoutMs { get; set; }

    public List<(string Name, byte[] Metadata)> Protocols { get; set; } = [];

    public byte[] Assignment { get; set; } = [];

    public long LastHeartbeat { get; set; }

    /// <summary>Set while the member waits in JoinGroup for the rebalance to complete.</summary>
    public TaskCompletionSource<JoinResult>? PendingJoin { get; set; }

    /// <summary>Set while the member waits in SyncGroup for the leader's assignment.</summary>
    public TaskCompletionSource<(short Error, byte[] Assignment)>? PendingSync { get; set; }

    public byte[] MetadataFor(string? protocol) =>
        Protocols.FirstOrDefault(p => p.Name == protocol).Metadata ?? [];
}
