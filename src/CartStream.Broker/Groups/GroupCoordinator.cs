using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker.Groups;

/// <summary>All consumer groups and their committed offsets; <see cref="Tick"/> drives timeouts.</summary>
internal sealed class GroupCoordinator(OffsetStore offsets, BrokerOptions options, ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);

    public OffsetStore Offsets { get; } = offsets;

    public static long Now => Environment.TickCount64;

    public ConsumerGroup GetOrCreate(string groupId) =>
        _groups.GetOrAdd(groupId, id => new ConsumerGroup(id, options.InitialRebalanceDelayMs, logger));

    public ConsumerGroup? Find(string groupId) => _groups.GetValueOrDefault(groupId);

    /// <summary>Every group known by membership or by committed offsets.</summary>
    public IEnumerable<string> AllGroupIds => _groups.Keys.Union(Offsets.Groups).Distinct();

    public void Tick()
    {
        var now = Now;
        foreach (var group in _groups.Values)
        {
            lock (group.Sync)
            {
                group.Tick(now);
            }
        }
    }

    public void Dispose() => Offsets.Dispose();
}
