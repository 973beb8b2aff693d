namespace CartStream.Transform.Parquet;

/// <summary>A growable array of column values, handed to the Parquet writer without copying.</summary>
internal sealed class ColumnBuffer<T>
{
    private T[] _items = new T[256];

    public int Count { get; private set; }

    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    public ReadOnlyMemory<T> AsMemory() => _items.AsMemory(0, Count);

    /// <summary>The values as a collection (for the writer's string overload), without copying.</summary>
    public ArraySegment<T> AsSegment() => new(_items, 0, Count);
}
