using Microsoft.Extensions.Logging;

namespace CartStream.Ingestion;

/// <summary>The producer's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Producing to topic {Topic} ({Partitions} partitions) at {Bootstrap}, schema id {SchemaId}")]
    public static partial void Starting(ILogger logger, string topic, int partitions, string bootstrap, int schemaId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Resuming: the topic already holds sequences up to {HighestSequence}; regenerated events already there are skipped per partition")]
    public static partial void Resuming(ILogger logger, long highestSequence);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Delivery to {Topic}[{Partition}] failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string topic, int partition, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Kafka client error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Critical, Message = "Kafka producer fatal error {Code}: {Reason}; stopping so a restart can resume exactly")]
    public static partial void FatalError(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Produced {Produced}, acknowledged {Acknowledged}, failed {Failed}, skipped on resume {Skipped}")]
    public static partial void Finished(ILogger logger, long produced, long acknowledged, long failed, long skipped);

    [LoggerMessage(EventId = 1007, Message = "librdkafka {Client} {Facility}: {Text}")]
    public static partial void KafkaClient(ILogger logger, LogLevel level, string client, string facility, string text);
}
