using System.Text;

namespace CartStream.Transform.Dedup;

/// <summary>The binary form of a <see cref="DedupIndex"/> kept under <c>_state/transform/dedup/</c>.</summary>
internal sealed partial class DedupIndex
{
    private const int Magic = 0x44445343; // "CSDD" little-endian
    private const int Version = 1;

    /// <summary>Writes the index; only files still referenced by an id are kept.</summary>
    public void WriteTo(Stream output)
    {
        using var w = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        var used = _entries.Values.Select(e => e.File).Distinct().Order().ToArray();
        var remap = new Dictionary<int, int>();
        for (var i = 0; i < used.Length; i++)
        {
            remap[used[i]] = i;
        }

        w.Write(Magic);
        w.Write(Version);
        w.Write(_nextSequence);
        w.Write(used.Length);
        foreach (var file in used)
        {
            w.Write(_files[file]);
        }

        w.Write(_entries.Count);
        Span<byte> id = stackalloc byte[16];
        foreach (var (eventId, entry) in _entries.OrderBy(p => p.Value.Sequence))
        {
            eventId.TryWriteBytes(id);
            w.Write(id);
            w.Write(remap[entry.File]);
            w.Write(entry.Offset);
            w.Write(entry.EventTicks);
            w.Write(entry.Sequence);
        }
    }

    /// <summary>Reads an index written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a dedup index of this version.</exception>
    public static DedupIndex ReadFrom(Stream input)
    {
        using var r = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadInt32() != Magic || r.ReadInt32() != Version)
            {
                throw new InvalidDataException("Not a version 1 dedup index.");
            }

            var index = new DedupIndex { _nextSequence = r.ReadInt64() };
            var files = r.ReadInt32();
            for (var i = 0; i < files; i++)
            {
                index.FileId(r.ReadString());
            }

            var count = r.ReadInt32();
            index._entries.EnsureCapacity(count);
            Span<byte> id = stackalloc byte[16];
            for (var i = 0; i < count; i++)
            {
                r.BaseStream.ReadExactly(id);
                index._entries[new Guid(id)] = new Entry(r.ReadInt32(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
            }

            return index;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The dedup index is truncated.", e);
        }
    }
}
