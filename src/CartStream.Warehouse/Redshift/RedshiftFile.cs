namespace CartStream.Warehouse.Redshift;

/// <summary>A lake file to COPY into Redshift: its key in the bucket (under the lake's prefix), size and version.</summary>
/// <param name="Key">The lake key (<c>DWH/fact_sales/event_date=.../part-....parquet</c>).</param>
/// <param name="Size">Its size in bytes (Redshift's manifest needs it for Parquet).</param>
/// <param name="ETag">Its version, recorded in the load manifest.</param>
public sealed record RedshiftFile(string Key, long Size, string ETag);
