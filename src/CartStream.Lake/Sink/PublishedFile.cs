namespace CartStream.Lake.Sink;

/// <summary>One file a batch published.</summary>
/// <param name="Key">Its key in the lake.</param>
/// <param name="StartOffset">The offset of its first record (the one in its name).</param>
/// <param name="EndOffset">The offset of its last record.</param>
/// <param name="RecordCount">How many records it holds.</param>
/// <param name="IsDeadLetter">True for the <c>-dlq</c> file.</param>
public sealed record PublishedFile(string Key, long StartOffset, long EndOffset, int RecordCount, bool IsDeadLetter);
