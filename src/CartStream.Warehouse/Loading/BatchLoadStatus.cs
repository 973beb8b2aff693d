namespace CartStream.Warehouse.Loading;

/// <summary>What happened to one batch.</summary>
public enum BatchLoadStatus
{
    /// <summary>Its new files were loaded in one transaction.</summary>
    Loaded,

    /// <summary>Every file was already in the manifest: nothing to do.</summary>
    AlreadyLoaded,

    /// <summary>A file could not be read: nothing of the batch was loaded, and it is recorded in <c>load_quarantine</c>.</summary>
    Quarantined,
}
