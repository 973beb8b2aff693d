namespace CartStream.Warehouse.Loading;

/// <summary>One transform batch (or a named set of files) ready to load: its report and its files copied out of the lake.</summary>
/// <param name="BatchKey">The quality report's key, or a name for a set of files.</param>
/// <param name="BatchETag">The report's version (empty for a set of files).</param>
/// <param name="BatchId">The transform's batch id, written beside each file in the manifest.</param>
/// <param name="BatchSize">The report's size, recorded in the manifest with its etag.</param>
/// <param name="Files">The files to load (those not yet in the manifest at this version).</param>
/// <param name="Skipped">Listed files skipped because the manifest has them.</param>
internal sealed record LoadBatch(string BatchKey, string BatchETag, string BatchId, long BatchSize, IReadOnlyList<LakeFile> Files, int Skipped)
{
    /// <summary>Bytes of Parquet to load.</summary>
    public long Bytes => Files.Sum(f => f.Size);
}
