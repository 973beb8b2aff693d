using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using CartStream.Broker.Storage;

namespace CartStream.Broker.Groups;

/// <summary>
/// Committed offsets, kept in memory and in an append-only file <c>__consumer_offsets/offsets.log</c>. Each
/// commit request is one checksummed record written before the answer; on start the file is read up to the first
/// torn record and rewritten with only the latest offset of each partition.
/// </summary>
internal sealed class OffsetStore : IDisposable
{
    private readonly ConcurrentDictionary<(string Group, string Topic, int Partition), (long Offset, string? Metadata)> _offsets = new();
    private readonly object _writeLock = new();
    private readonly string _path;
    private readonly bool _flushEveryCommit;
    private FileStream _file;

    public OffsetStore(string dataDirectory, bool flushEveryCommit)
    {
        var directory = Path.Combine(dataDirectory, "__consumer_offsets");
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "offsets.log");
        _flushEveryCommit = flushEveryCommit;
        Load();
        Compact();
        _file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    public IEnumerable<string> Groups => _offsets.Keys.Select(k => k.Group).Distinct();

    public (long Offset, string? Metadata)? Get(string group, string topic, int partition) =>
        _offsets.TryGetValue((group, topic, partition), out var value) ? value : null;

    public IEnumerable<(string Topic, int Partition, long Offset, string? Metadata)> ForGroup(string group) =>
        _offsets.Where(kv => kv.Key.Group == group).Select(kv => (kv.Key.Topic, kv.Key.Partition, kv.Value.Offset, kv.Value.Metadata));

    public void Commit(string group, IReadOnlyList<(string Topic, int Partition, long Offset, string? Metadata)> commits)
    {
        if (commits.Count == 0)
        {
            return;
        }

        var record = Encode(group, commits);
        lock (_writeLock)
        {
            _file.Write(record);
            if (_flushEveryCommit)
            {
                _file.Flush(flushToDisk: true);
            }

            foreach (var (topic, partition, offset, metadata) in commits)
            {
                _offsets[(group, topic, partition)] = (offset, metadata);
            }
        }
    }

    public void Flush()
    {
        lock (_writeLock)
        {
            _file.Flush(flushToDisk: true);
        }
    }

    private static byte[] Encode(string group, IReadOnlyList<(string Topic, int Partition, long Offset, string? Metadata)> commits)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(group);
            w.Write(commits.Count);
            foreach (var (topic, partition, offset, metadata) in commits)
            {
                w.Write(topic);
                w.Write(partition);
                w.Write(offset);
                w.Write(metadata is not null);
                w.Write(metadata ?? "");
            }
        }

        var payload = body.ToArray();
        var record = new byte[8 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(record, payload.Length);
        BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(4), Crc32C.Compute(payload));
        payload.CopyTo(record, 8);
        return record;
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            return;
        }

        var bytes = File.ReadAllBytes(_path);
        var position = 0;
        while (position + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(position));
            if (length < 0 || position + 8 + length > bytes.Length)
            {
                break;
            }

            var payload = bytes.AsSpan(position + 8, length);
            if (Crc32C.Compute(payload) != BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position + 4)))
            {
                break;
            }

            using var r = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
            var group = r.ReadString();
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var topic = r.ReadString();
                var partition = r.ReadInt32();
                var offset = r.ReadInt64();
                var hasMetadata = r.ReadBoolean();
                var metadata = r.ReadString();
                _offsets[(group, topic, partition)] = (offset, hasMetadata ? metadata : null);
            }

            position += 8 + length;
        }
    }

    private void Compact()
    {
        var temporary = _path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            foreach (var group in _offsets.GroupBy(kv => kv.Key.Group))
            {
                file.Write(Encode(group.Key, [.. group.Select(kv => (kv.Key.Topic, kv.Key.Partition, kv.Value.Offset, kv.Value.Metadata))]));
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _file.Flush(flushToDisk: true);
            _file.Dispose();
        }
    }
}
