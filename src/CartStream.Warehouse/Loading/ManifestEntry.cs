namespace CartStream.Warehouse.Loading;

/// <summary>A file (or quality report) the manifest records as loaded, with the version that was loaded.</summary>
internal sealed record ManifestEntry(string ETag, long Size);
