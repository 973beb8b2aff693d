namespace CartStream.Transform.Parquet;

/// <summary>Where a raw record came from: its file in the lake, Kafka partition and offset.</summary>
/// <param name="SourceFile">The raw file's key (under <c>topics/</c>).</param>
/// <param name="Partition">Kafka partition of the record (-1 when unknown).</param>
/// <param name="Offset">Kafka offset of the record (for a whole corrupt file, the file's start offset).</param>
/// <param name="FileLandedAt">When the file landed; dates rejected rows whose event time is unknown.</param>
internal readonly record struct RecordOrigin(string SourceFile, int Partition, long Offset, DateTime FileLandedAt);
