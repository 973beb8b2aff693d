using System.Buffers.Binary;

namespace CartStream.Broker.Storage;

/// <summary>
/// Hands out producer ids that are never reused, even across kills: ids are reserved in blocks and the end of
/// the reserved block is forced to disk before any id from it is given out.
/// </summary>
internal sealed class ProducerIdAllocator
{
    private const long BlockSize = 1000;
    private readonly object _lock = new();
    private readonly string _path;
    private long _next;
    private long _reservedEnd;

    public ProducerIdAllocator(string dataDirectory)
    {
        _path = Path.Combine(dataDirectory, "__producer_ids");
        if (File.Exists(_path) && File.ReadAllBytes(_path) is { Length: 8 } bytes)
        {
            _next = BinaryPrimitives.ReadInt64BigEndian(bytes);
        }

        _reservedEnd = _next;
    }

    public long Next()
    {
        lock (_lock)
        {
            if (_next >= _reservedEnd)
            {
                _reservedEnd = _next + BlockSize;
                var bytes = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(bytes, _reservedEnd);
                var temporary = _path + ".tmp";
                using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
                {
                    file.Write(bytes);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, _path, overwrite: true);
            }

            return _next++;
        }
    }
}
