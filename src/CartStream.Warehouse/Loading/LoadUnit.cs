namespace CartStream.Warehouse.Loading;

/// <summary>What one transaction loads: the files of one transform batch (or a set of files) not yet in the manifest.</summary>
/// <param name="BatchKey">The quality report's key, or a name for a set of files.</param>
/// <param name="BatchETag">The report's version (empty for a set of files).</param>
/// <param name="BatchId">The transform's batch id, written beside each file in the manifest.</param>
/// <param name="Files">The files to load.</param>
internal sealed record LoadUnit(string BatchKey, string BatchETag, string BatchId, IReadOnlyList<LakeFile> Files);
