using CartStream.Registry.Compatibility;

namespace CartStream.Registry.Storage;

/// <summary>Every version a subject has had, in order, and its own compatibility level if one was set.</summary>
internal sealed class SubjectHistory
{
    public List<SubjectVersion> Versions { get; } = [];

    public CompatibilityLevel? Level { get; set; }

    public IEnumerable<SubjectVersion> Live => Versions.Where(version => !version.Deleted);

    public bool HasLiveVersions => Versions.Any(version => !version.Deleted);

    public int NextVersion => Versions.Count == 0 ? 1 : Versions[^1].Version + 1;
}
