namespace CartStream.Warehouse.Redshift;

/// <summary>A COPY manifest to upload before running the plan's statements.</summary>
/// <param name="Url">Where the plan's COPY expects it (<c>s3://...json</c>).</param>
/// <param name="Json">Its content.</param>
public sealed record RedshiftManifest(string Url, string Json);
