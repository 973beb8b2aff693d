namespace CartStream.Broker.Storage;

/// <summary>The answer to one partition's part of a produce request.</summary>
/// <param name="ErrorCode">A protocol error code; 0 when the batches are in the log.</param>
/// <param name="BaseOffset">Offset of the first record (for a recognised retry: the offset it got the first time).</param>
/// <param name="LogStartOffset">The partition's first offset still kept.</param>
internal readonly record struct AppendResult(short ErrorCode, long BaseOffset, long LogStartOffset);
