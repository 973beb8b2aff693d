namespace CartStream.Events.Avro;

/// <summary>
/// Reads an Avro Object Container File sequentially: the header (schema, codec, metadata), then blocks, raw records
/// of any schema, or decoded <see cref="SalesEvent"/>s. Damage anywhere (truncation, a wrong sync marker, a block
/// that does not decompress or decode) throws <see cref="AvroContainerException"/> naming the file, block and offset.
/// </summary>
/// <remarks>
/// Decoding into <see cref="SalesEvent"/> uses the file's own (writer) schema and supports the v1 sales event schema
/// only; reading old data with a newer reader schema is Avro schema resolution, which Apache.Avro provides.
/// </remarks>
public sealed partial class AvroContainerReader : IDisposable
{
    // Header entries larger than this are garbage, not a schema: refuse before allocating them.
    private const int MaxMetadataEntryBytes = 64 * 1024 * 1024;

    private static readonly string SalesEventShape = AvroSchemaNode.Parse(SalesEventSchema.Json).Shape();

    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly AvroBlockCodec _codec;
    private readonly AvroSchemaNode _schema;
    private readonly byte[] _syncMarker = new byte[AvroContainerWriter.SyncLength];
    private readonly byte[] _syncScratch = new byte[AvroContainerWriter.SyncLength];
    private byte[] _blockBuffer = [];
    private long _position;
    private long _blockIndex;
    private bool _ended;

    /// <summary>Reads the header of the file in <paramref name="input"/>.</summary>
    /// <param name="input">The file, read sequentially from its current position.</param>
    /// <param name="fileName">Named in error messages.</param>
    /// <param name="leaveOpen">Leave <paramref name="input"/> open when the reader is disposed.</param>
    /// <exception cref="AvroContainerException">The header is missing, truncated or invalid.</exception>
    public AvroContainerReader(Stream input, string? fileName = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        FileName = fileName;
        _leaveOpen = leaveOpen;

        var metadata = ReadHeader();
        Metadata = metadata;
        if (!metadata.TryGetValue("avro.schema", out var schemaBytes))
        {
            throw HeaderError("The header has no avro.schema entry.");
        }

        SchemaJson = DecodeUtf8(schemaBytes, "avro.schema");
        var codecName = metadata.TryGetValue("avro.codec", out var codecBytes) ? DecodeUtf8(codecBytes, "avro.codec") : null;
        if (!AvroBlockCodec.TryParse(codecName, out var codec))
        {
            throw HeaderError($"Unsupported codec '{codecName}' (null, deflate, snappy and zstandard are).");
        }

        try
        {
            _schema = AvroSchemaNode.Parse(SchemaJson);
        }
        catch (FormatException e)
        {
            throw HeaderError($"avro.schema is not a valid schema: {e.Message}", e);
        }

        IsSalesEventV1 = _schema.Shape() == SalesEventShape;
        _codec = new AvroBlockCodec(codec);
    }

    /// <summary>The file name given to the constructor, used in error messages.</summary>
    public string? FileName { get; }

    /// <summary>The writer schema stored in the file.</summary>
    public string SchemaJson { get; }

    /// <summary>The file's block compression.</summary>
    public AvroCodec Codec => _codec.Codec;

    /// <summary>Every header metadata entry, including <c>avro.schema</c> and <c>avro.codec</c>.</summary>
    public IReadOnlyDictionary<string, byte[]> Metadata { get; }

    /// <summary>The file's sync marker.</summary>
    public ReadOnlyMemory<byte> SyncMarker => _syncMarker;

    /// <summary>True when the file's schema is the v1 sales event schema, so <see cref="ReadEvents"/> can decode it.</summary>
    public bool IsSalesEventV1 { get; }

    /// <summary>Opens a file by path; errors name the path.</summary>
    public static AvroContainerReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new AvroContainerReader(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next block, or returns false at the end of the file.</summary>
    /// <exception cref="AvroContainerException">The block is truncated, corrupt or does not decompress.</exception>
    public bool TryReadBlock(out AvroContainerBlock block)
    {
        block = default;
        if (_ended)
        {
            return false;
        }

        var offset = _position;
        if (!TryReadLong(out var count, allowEnd: true, offset))
        {
            _ended = true;
            return false;
        }

        ReadLong(out var size, offset);
        if (count < 0 || size < 0 || size > AvroBlockCodec.MaxBlockBytes)
        {
            throw BlockError($"Invalid block header: {count} records in {size} bytes.", offset);
        }

        if (_blockBuffer.Length < size)
        {
            _blockBuffer = new byte[Math.Max(size, Math.Min((long)_blockBuffer.Length * 2, AvroBlockCodec.MaxBlockBytes))];
        }

        ReadExactly(_blockBuffer.AsSpan(0, (int)size), offset, $"the block declares {size} bytes of data");
        ReadExactly(_syncScratch, offset, "the block's sync marker is missing");
        if (!_syncScratch.AsSpan().SequenceEqual(_syncMarker))
        {
            throw BlockError("The sync marker after the block does not match the file's: the block is corrupt or its size is wrong.", offset);
        }

        ReadOnlyMemory<byte> data;
        try
        {
            data = _codec.Decompress(_blockBuffer.AsMemory(0, (int)size));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw BlockError($"The {AvroBlockCodec.NameOf(Codec)} data does not decompress: {e.Message}", offset, e);
        }

        if (count > data.Length && count > 0 && _schema.Kind != AvroSchemaKind.Null)
        {
            throw BlockError($"The block claims {count} records in only {data.Length} bytes.", offset);
        }

        block = new AvroContainerBlock(_blockIndex++, offset, count, data);
        return true;
    }

    /// <summary>Every remaining block, in order; each block's data is valid until the next is read.</summary>
    public IEnumerable<AvroContainerBlock> ReadBlocks()
    {
        while (TryReadBlock(out var block))
        {
            yield return block;
        }
    }

    /// <summary>
    /// Every remaining record as its raw Avro bytes (for the file's writer schema), valid until the next block is
    /// read. Each record's extent is found by walking the schema, so damage inside a block is reported too.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<byte>> ReadRecords()
    {
        while (TryReadBlock(out var block))
        {
            var position = 0;
            for (var record = 0L; record < block.RecordCount; record++)
            {
                var length = MeasureRecord(block, position, record);
                yield return block.Data.Slice(position, length);
                position += length;
            }

            EnsureConsumed(block, position);
        }
    }

    /// <summary>Every remaining record decoded as a new <see cref="SalesEvent"/>.</summary>
    /// <exception cref="InvalidOperationException">The file's schema is not the v1 sales event schema.</exception>
    public IEnumerable<SalesEvent> ReadEvents()
    {
        if (!IsSalesEventV1)
        {
            throw new InvalidOperationException(
                $"{FileName ?? "The stream"} was written with another schema; SalesEvent decoding reads the v1 writer schema only. Use Apache.Avro for schema resolution.");
        }

        return ReadEventsCore();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _codec?.Dispose();
        if (!_leaveOpen)
        {
            _input.Dispose();
        }
    }

    private IEnumerable<SalesEvent> ReadEventsCore()
    {
        while (TryReadBlock(out var block))
        {
            var position = 0;
            for (var record = 0L; record < block.RecordCount; record++)
            {
                var value = new SalesEvent();
                position += DecodeRecord(block, position, record, value);
                yield return value;
            }

            EnsureConsumed(block, position);
        }
    }

    private int MeasureRecord(AvroContainerBlock block, int position, long record)
    {
        try
        {
            var reader = new AvroBinaryReader(block.Data.Span[position..]);
            _schema.Skip(ref reader);
            return reader.Position;
        }
        catch (AvroFormatException e)
        {
            throw BlockError($"Record {record} (at byte {position} of the uncompressed block) is not valid for the schema: {e.Message}", block, e);
        }
    }

    private int DecodeRecord(AvroContainerBlock block, int position, long record, SalesEvent into)
    {
        try
        {
            return SalesEventCodec.Read(block.Data.Span[position..], into);
        }
        catch (AvroFormatException e)
        {
            throw BlockError($"Record {record} (at byte {position} of the uncompressed block) is not a valid sales event: {e.Message}", block, e);
        }
    }

    private void EnsureConsumed(AvroContainerBlock block, int position)
    {
        if (position != block.Data.Length)
        {
            throw BlockError($"{block.Data.Length - position} bytes are left after the block's {block.RecordCount} records.", block);
        }
    }

    private AvroContainerException Truncated(long? blockOffset, string detail) =>
        blockOffset is { } offset
            ? BlockError($"Truncated file: {detail}.", offset)
            : HeaderError($"Truncated file: {detail}.");

    private AvroContainerException HeaderError(string message, Exception? inner = null) =>
        new(message, FileName, null, _position, inner);

    private AvroContainerException BlockError(string message, AvroContainerBlock block, Exception? inner = null) =>
        new(message, FileName, block.Index, block.Offset, inner);

    private AvroContainerException BlockError(string message, long offset, Exception? inner = null) =>
        new(message, FileName, _blockIndex, offset, inner);
}
