namespace CartStream.Transform.Input;

/// <summary>Raw records copied out of a container's reused block buffer, back to back in one growing array.</summary>
internal sealed class RecordArena
{
    private byte[] _bytes = new byte[64 * 1024];
    private readonly List<(int Start, int Length)> _records = [];
    private int _used;

    public int Count => _records.Count;

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var (start, length) = _records[index];
            return _bytes.AsSpan(start, length);
        }
    }

    public void Add(ReadOnlySpan<byte> record)
    {
        if (_used + record.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + record.Length));
        }

        record.CopyTo(_bytes.AsSpan(_used));
        _records.Add((_used, record.Length));
        _used += record.Length;
    }
}
