namespace CartStream.Broker.Groups;

/// <summary>The answer to one JoinGroup: the leader alone gets every member's metadata.</summary>
internal sealed record JoinResult(
    short Error,
    int Generation,
    string Protocol,
    string Leader,
    string MemberId,
    IReadOnlyList<(string MemberId, string? InstanceId, byte[] Metadata)> Members)
{
    public static JoinResult Failed(short error, string memberId = "") => new(error, -1, "", "", memberId, []);
}
