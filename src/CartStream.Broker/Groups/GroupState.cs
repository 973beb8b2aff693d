namespace CartStream.Broker.Groups;

/// <summary>The phases of a group, named as DescribeGroups reports them.</summary>
internal enum GroupState
{
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}
