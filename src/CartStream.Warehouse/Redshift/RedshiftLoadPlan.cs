namespace CartStream.Warehouse.Redshift;

/// <summary>How one transform batch is loaded into Redshift: manifests to upload, then statements to run in order in one session.</summary>
/// <param name="Manifests">The COPY manifests, one per stage table (and per event date of rejected rows).</param>
/// <param name="Statements">BEGIN, the stage tables, the COPYs, the merge, the load manifest rows, COMMIT.</param>
public sealed record RedshiftLoadPlan(IReadOnlyList<RedshiftManifest> Manifests, IReadOnlyList<string> Statements);
