namespace CartStream.Warehouse.Loading;

/// <summary>The outcome of loading one transform batch or set of files.</summary>
/// <param name="BatchKey">The quality report's key (or the name of the set of files).</param>
/// <param name="Status">Loaded, already loaded, or quarantined.</param>
/// <param name="FilesLoaded">Files loaded by this call.</param>
/// <param name="FilesSkipped">Files skipped because the manifest has them at the same version.</param>
/// <param name="Facts">New rows of <c>fact_sales</c>.</param>
/// <param name="Rejected">New rows of <c>rejected</c> (including late duplicates found at load).</param>
/// <param name="Error">Why the batch was quarantined, naming the file.</param>
public sealed record BatchLoadResult(string BatchKey, BatchLoadStatus Status, int FilesLoaded, int FilesSkipped, long Facts, long Rejected, string? Error = null)
{
    /// <summary>One line for a terminal.</summary>
    public string ToSummary() => Status switch
    {
        BatchLoadStatus.Loaded => $"{BatchKey}: loaded {FilesLoaded} file(s) ({FilesSkipped} already loaded): {Facts} fact(s), {Rejected} rejected row(s)",
        BatchLoadStatus.AlreadyLoaded => $"{BatchKey}: already loaded",
        _ => $"{BatchKey}: QUARANTINED, nothing loaded: {Error}",
    };
}
