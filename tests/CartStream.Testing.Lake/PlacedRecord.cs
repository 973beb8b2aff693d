using CartStream.Generator;

namespace CartStream.Testing.Lake;

/// <summary>A generated record and where it was landed: its raw file and Kafka offset.</summary>
public sealed record PlacedRecord(GeneratedRecord Record, string File, long Offset);
