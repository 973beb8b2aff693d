using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Loading;

/// <summary>A lake file to load: its key and version, the table it belongs to, and its local copy.</summary>
internal sealed record LakeFile(string Key, string ETag, long Size, Table Table, string LocalPath);
