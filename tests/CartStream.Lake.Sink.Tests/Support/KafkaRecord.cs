namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>One message of the topic as Kafka holds it.</summary>
public sealed record KafkaRecord(int Partition, long Offset, byte[]? Value);
