namespace CartStream.Broker.Protocol;

/// <summary>
/// The versions the broker speaks per API. Ranges stop below each API's first "flexible" version (except
/// ApiVersions itself), which every client in use negotiates down to; that keeps one plain encoding per API.
/// </summary>
internal static class ApiVersionTable
{
    public static readonly IReadOnlyList<(ApiKey Key, short Min, short Max)> Supported =
    [
        (ApiKey.Produce, 3, 8),
        (ApiKey.Fetch, 4, 11),
        (ApiKey.ListOffsets, 1, 5),
        (ApiKey.Metadata, 0, 8),
        (ApiKey.OffsetCommit, 2, 7),
        (ApiKey.OffsetFetch, 1, 5),
        (ApiKey.FindCoordinator, 0, 2),
        (ApiKey.JoinGroup, 0, 5),
        (ApiKey.Heartbeat, 0, 3),
        (ApiKey.LeaveGroup, 0, 2),
        (ApiKey.SyncGroup, 0, 3),
        (ApiKey.DescribeGroups, 0, 4),
        (ApiKey.ListGroups, 0, 2),
        (ApiKey.ApiVersions, 0, 3),
        (ApiKey.CreateTopics, 0, 4),
        (ApiKey.DeleteTopics, 0, 3),
        (ApiKey.InitProducerId, 0, 1),
    ];

    public static bool IsSupported(short apiKey, short version)
    {
        foreach (var (key, min, max) in Supported)
        {
            if ((short)key == apiKey)
            {
                return version >= min && version <= max;
            }
        }

        return false;
    }
}
