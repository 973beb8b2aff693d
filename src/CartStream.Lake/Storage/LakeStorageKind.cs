namespace CartStream.Lake.Storage;

/// <summary>Where the lake lives.</summary>
public enum LakeStorageKind
{
    /// <summary>A folder on this machine (<c>&lt;data-dir&gt;/lake</c> by default).</summary>
    Local,

    /// <summary>A bucket and prefix on Amazon S3 or an S3-compatible server.</summary>
    S3,
}
