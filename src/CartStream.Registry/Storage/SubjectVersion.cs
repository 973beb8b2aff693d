namespace CartStream.Registry.Storage;

/// <summary>One version of a subject: which schema id it is, and whether it was soft-deleted.</summary>
internal sealed record SubjectVersion(int Version, int SchemaId)
{
    public bool Deleted { get; set; }
}
