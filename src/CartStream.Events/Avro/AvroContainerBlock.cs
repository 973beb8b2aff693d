namespace CartStream.Events.Avro;

/// <summary>One decompressed block of an Avro container file.</summary>
/// <param name="Index">0-based position of the block in the file.</param>
/// <param name="Offset">Byte offset in the file where the block starts (its record count).</param>
/// <param name="RecordCount">How many records the block holds.</param>
/// <param name="Data">
/// The records' bytes, uncompressed and back to back. Only valid until the reader reads the next block: copy what
/// you keep.
/// </param>
public readonly record struct AvroContainerBlock(long Index, long Offset, long RecordCount, ReadOnlyMemory<byte> Data);
