using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CartStream.Broker.Protocol;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker.Storage;

/// <summary>All topics and their partition logs, loaded (and recovered) from the data folder at start.</summary>
internal sealed partial class TopicStore : IDisposable
{
    /// <summary>Each partition is a folder with open files: a bound keeps one request from exhausting them.</summary>
    public const int MaxPartitions = 10_000;

    private readonly ConcurrentDictionary<string, PartitionLog[]> _topics = new(StringComparer.Ordinal);
    private readonly object _createLock = new();
    private readonly BrokerOptions _options;
    private readonly ILogger _logger;

    public TopicStore(BrokerOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Directory.CreateDirectory(options.DataDirectory);
    }

    public IEnumerable<KeyValuePair<string, PartitionLog[]>> Topics => _topics;

    [GeneratedRegex(@"^(?<topic>[a-zA-Z0-9._-]+)-(?<partition>\d+)$")]
    private static partial Regex PartitionFolder();

    [GeneratedRegex(@"^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex ValidTopicName();

    public static bool IsValidName(string topic) => ValidTopicName().IsMatch(topic) && topic != "." && topic != "..";

    /// <summary>Opens every partition folder, cutting torn tails and rebuilding producer state.</summary>
    public void Load()
    {
        var watch = Stopwatch.StartNew();
        var found = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(_options.DataDirectory))
        {
            var match = PartitionFolder().Match(Path.GetFileName(dir));
            if (match.Success && int.TryParse(match.Groups["partition"].Value, out var partition))
            {
                var topic = match.Groups["topic"].Value;
                if (!found.TryGetValue(topic, out var set))
                {
                    found[topic] = set = [];
                }

                set.Add(partition);
            }
        }

        var partitions = 0;
        foreach (var (topic, set) in found)
        {
            // Partitions are numbered from 0 without gaps; a creation cut short by a kill leaves a prefix.
            var count = 0;
            while (set.Contains(count))
            {
                count++;
            }

            var logs = new PartitionLog[count];
            for (var p = 0; p < count; p++)
            {
                logs[p] = PartitionLog.Open(PartitionPath(topic, p), topic, p, _options, out var truncated);
                if (truncated > 0)
                {
                    Log.RecoveryTruncated(_logger, topic, p, truncated);
                }
            }

            if (count > 0)
            {
                _topics[topic] = logs;
                partitions += count;
            }
        }

        Log.Loaded(_logger, _topics.Count, partitions, watch.ElapsedMilliseconds);
    }

    private string PartitionPath(string topic, int partition) => Path.Combine(_options.DataDirectory, $"{topic}-{partition}");

    public PartitionLog[]? Get(string topic) => _topics.TryGetValue(topic, out var logs) ? logs : null;

    public PartitionLog? Get(string topic, int partition) =>
        _topics.TryGetValue(topic, out var logs) && partition >= 0 && partition < logs.Length ? logs[partition] : null;

    /// <summary>The topic, created with the default partition count if auto-creation is on.</summary>
    public PartitionLog[]? GetOrAutoCreate(string topic)
    {
        var logs = Get(topic);
        if (logs is null && _options.AutoCreateTopics && IsValidName(topic))
        {
            Create(topic, _options.DefaultPartitions);
            logs = Get(topic);
        }

        return logs;
    }

    /// <summary>Creates a topic; returns a protocol error code.</summary>
    public short Create(string topic, int partitions)
    {
        if (!IsValidName(topic))
        {
            return ErrorCode.InvalidTopic;
        }

        if (partitions < 1 || partitions > MaxPartitions)
        {
            return ErrorCode.InvalidPartitions;
        }

        lock (_createLock)
        {
            if (_topics.ContainsKey(topic))
            {
                return ErrorCode.TopicAlreadyExists;
            }

            var logs = new PartitionLog[partitions];
            for (var p = 0; p < partitions; p++)
            {
                logs[p] = PartitionLog.Open(PartitionPath(topic, p), topic, p, _options, out _);
            }

            _topics[topic] = logs;
        }

        Log.TopicCreated(_logger, topic, partitions);
        return ErrorCode.None;
    }

    /// <summary>Deletes a topic and its files; returns a protocol error code.</summary>
    public short Delete(string topic)
    {
        lock (_createLock)
        {
            if (!_topics.TryRemove(topic, out var logs))
            {
                return ErrorCode.UnknownTopicOrPartition;
            }

            foreach (var log in logs)
            {
                log.Delete();
            }
        }

        Log.TopicDeleted(_logger, topic);
        return ErrorCode.None;
    }

    /// <summary>One pass of the flush policy and of retention over every partition.</summary>
    public void Maintain(bool flush, bool retention)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var (_, logs) in _topics)
        {
            foreach (var log in logs)
            {
                if (flush)
                {
                    log.Flush();
                }

                if (retention)
                {
                    log.ApplyRetention(now);
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var (_, logs) in _topics)
        {
            foreach (var log in logs)
            {
                log.Dispose();
            }
        }
    }
}
