namespace CartStream.Lake.Storage;

/// <summary>What a listing or a metadata look-up tells about one object.</summary>
/// <param name="Key">The object's key, '/'-separated, relative to the store's root or prefix.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="LastModified">When it was last written (UTC).</param>
/// <param name="ETag">
/// A tag that changes when the object is rewritten: the S3 ETag (an MD5 of the content for single-part uploads,
/// <c>md5-of-part-md5s-N</c> for multipart ones) or, on a local folder, one derived from modification time and size.
/// It is not a content checksum on every backend: compare bytes, not tags, to prove content.
/// </param>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, string ETag);
