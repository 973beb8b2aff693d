using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CartStream.Events.Avro;

/// <summary>
/// Writes an Avro Object Container File (spec 1.12, "Object Container Files"): header with the schema and codec,
/// then blocks of records, each followed by the file's sync marker.
/// </summary>
/// <remarks>
/// Records come either already encoded (<see cref="Append"/>: the lake sink lands Kafka payloads without decoding
/// them) or as <see cref="SalesEvent"/>s (<see cref="Write"/>). A block is cut once it reaches
/// <see cref="AvroContainerWriterOptions.BlockMaxBytes"/> or <see cref="AvroContainerWriterOptions.BlockMaxRecords"/>;
/// <see cref="Flush"/> and <see cref="Dispose"/> write the last, partial block. Not thread-safe.
/// </remarks>
public sealed class AvroContainerWriter : IDisposable
{
    /// <summary>The four bytes every Avro container file starts with: <c>Obj</c> and version 1.</summary>
    internal static ReadOnlySpan<byte> Magic => "Obj\u0001"u8;

    /// <summary>Length of the sync marker.</summary>
    internal const int SyncLength = 16;

    private static readonly string SalesEventShape = AvroSchemaNode.Parse(SalesEventSchema.Json).Shape();

    private readonly Stream _output;
    private readonly AvroContainerWriterOptions _options;
    private readonly AvroBlockCodec _codec;
    private readonly ArrayBufferWriter<byte> _block = new(64 * 1024);
    private readonly byte[] _syncMarker;
    private readonly bool _schemaIsSalesEventV1;
    private int _blockRecords;
    private bool _disposed;

    /// <summary>Starts a file on <paramref name="output"/> and writes its header.</summary>
    /// <param name="output">Where the file goes; written sequentially, never sought.</param>
    /// <param name="schemaJson">The writer schema, stored as-is in <c>avro.schema</c>.</param>
    /// <param name="codec">Block compression.</param>
    /// <param name="options">Block size, sync marker, metadata and levels; defaults when null.</param>
    public AvroContainerWriter(Stream output, string schemaJson, AvroCodec codec = AvroCodec.Null, AvroContainerWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaJson);
        _output = output;
        _options = options ?? new AvroContainerWriterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BlockMaxBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BlockMaxRecords, 1, nameof(options));

        AvroSchemaNode schema;
        try
        {
            schema = AvroSchemaNode.Parse(schemaJson);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(schemaJson), e);
        }

        _schemaIsSalesEventV1 = schema.Shape() == SalesEventShape;
        _syncMarker = _options.SyncMarker is { } marker ? marker.ToArray() : RandomNumberGenerator.GetBytes(SyncLength);
        if (_syncMarker.Length != SyncLength)
        {
            throw new ArgumentException($"A sync marker is {SyncLength} bytes, not {_syncMarker.Length}.", nameof(options));
        }

        _codec = new AvroBlockCodec(codec, _options.DeflateLevel, _options.ZstandardLevel);
        SchemaJson = schemaJson;
        WriteHeader();
    }

    /// <summary>The schema stored in the header.</summary>
    public string SchemaJson { get; }

    /// <summary>Block compression.</summary>
    public AvroCodec Codec => _codec.Codec;

    /// <summary>The file's sync marker.</summary>
    public ReadOnlyMemory<byte> SyncMarker => _syncMarker;

    /// <summary>Records written or buffered so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Blocks written so far.</summary>
    public long BlockCount { get; private set; }

    /// <summary>Appends one record that is already Avro binary for the file's schema (not checked).</summary>
    public void Append(ReadOnlySpan<byte> encodedRecord)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _block.Write(encodedRecord);
        RecordAdded();
    }

    /// <summary>Encodes and appends one event; the file's schema must be the v1 sales event schema.</summary>
    public void Write(SalesEvent value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_schemaIsSalesEventV1)
        {
            throw new InvalidOperationException("Write(SalesEvent) encodes with the v1 sales event schema, but this file declares another schema; encode the records yourself and Append them.");
        }

        SalesEventCodec.Write(value, _block);
        RecordAdded();
    }

    /// <summary>Writes the buffered records as a block (if any) and flushes the stream.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteBlock();
        _output.Flush();
    }

    /// <summary>Writes the last block, flushes, and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            WriteBlock();
            _output.Flush();
        }
        finally
        {
            _disposed = true;
            _codec.Dispose();
            if (!_options.LeaveOpen)
            {
                _output.Dispose();
            }
        }
    }

    private void RecordAdded()
    {
        _blockRecords++;
        RecordCount++;
        if (_block.WrittenCount >= _options.BlockMaxBytes || _blockRecords >= _options.BlockMaxRecords)
        {
            WriteBlock();
        }
    }

    private void WriteHeader()
    {
        var header = new ArrayBufferWriter<byte>(4096);
        var writer = new AvroBinaryWriter(header);
        writer.WriteFixed(Magic);
        var entries = new List<KeyValuePair<string, byte[]>>(_options.Metadata);
        if (entries.Any(entry => entry.Key.StartsWith("avro.", StringComparison.Ordinal)))
        {
            throw new ArgumentException("Metadata keys starting with 'avro.' are reserved for the format.", nameof(AvroContainerWriterOptions.Metadata));
        }

        // Apache.Avro's order: the user's entries, then codec, then schema.
        entries.Add(new("avro.codec", Encoding.UTF8.GetBytes(AvroBlockCodec.NameOf(Codec))));
        entries.Add(new("avro.schema", Encoding.UTF8.GetBytes(SchemaJson)));
        writer.WriteLong(entries.Count);
        foreach (var (key, value) in entries)
        {
            writer.WriteString(key);
            writer.WriteBytes(value);
        }

        writer.WriteLong(0);
        writer.WriteFixed(_syncMarker);
        writer.Flush();
        _output.Write(header.WrittenSpan);
    }

    private void WriteBlock()
    {
        if (_blockRecords == 0)
        {
            return;
        }

        var compressed = _codec.Compress(_block.WrittenSpan);
        Span<byte> prefix = stackalloc byte[20];
        var writer = new AvroBinaryWriter(prefix);
        writer.WriteLong(_blockRecords);
        writer.WriteLong(compressed.Length);
        _output.Write(prefix[..(int)writer.BytesWritten]);
        _output.Write(compressed);
        _output.Write(_syncMarker);

        BlockCount++;
        _blockRecords = 0;
        _block.ResetWrittenCount();
    }
}
