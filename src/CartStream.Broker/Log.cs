using System.Net;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker;

/// <summary>Every log line of the broker, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Broker listening on {Host}:{Port}, data in {DataDirectory}")]
    public static partial void Started(ILogger logger, string host, int port, string dataDirectory);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Broker stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Recovery of {Topic}-{Partition} cut {Segments} torn or corrupt segment tail(s)")]
    public static partial void RecoveryTruncated(ILogger logger, string topic, int partition, int segments);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Loaded {Topics} topic(s), {Partitions} partition(s) in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, int topics, int partitions, long elapsedMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Created topic {Topic} with {Partitions} partition(s)")]
    public static partial void TopicCreated(ILogger logger, string topic, int partitions);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Deleted topic {Topic}")]
    public static partial void TopicDeleted(ILogger logger, string topic);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Closing connection from {Remote}: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Request {ApiKey} v{Version} from {Remote} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, short apiKey, short version, EndPoint? remote);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Connection from {Remote} failed unexpectedly")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, EndPoint? remote);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "Background {Task} failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception, string task);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Group {Group} generation {Generation}: {Members} member(s), leader {Leader}")]
    public static partial void GroupRebalanced(ILogger logger, string group, int generation, int members, string leader);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Group {Group}: member {Member} removed ({Reason})")]
    public static partial void MemberRemoved(ILogger logger, string group, string member, string reason);
}
