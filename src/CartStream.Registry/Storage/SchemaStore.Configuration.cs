using CartStream.Registry.Api;
using CartStream.Registry.Compatibility;
using CartStream.Registry.Schemas;

namespace CartStream.Registry.Storage;

/// <summary>Compatibility levels, compatibility checks and deletion.</summary>
internal sealed partial class SchemaStore
{
    public void SetGlobalLevel(CompatibilityLevel level)
    {
        lock (_gate)
        {
            Commit(new RegistryLogEntry { Op = RegistryLogEntry.ConfigOp, Compatibility = level.ToName() });
        }
    }

    public CompatibilityLevel? GetSubjectLevel(string subject)
    {
        lock (_gate)
        {
            return _subjects.GetValueOrDefault(subject)?.Level;
        }
    }

    /// <summary>Sets a subject's own level; null removes it, so the global level applies again.</summary>
    public void SetSubjectLevel(string subject, CompatibilityLevel? level)
    {
        lock (_gate)
        {
            Commit(new RegistryLogEntry { Op = RegistryLogEntry.ConfigOp, Subject = subject, Compatibility = level?.ToName() });
        }
    }

    /// <summary>
    /// What would stop <paramref name="schema"/> from registering: against one version when
    /// <paramref name="version"/> is given (null: the latest), or against every version the level covers when
    /// <paramref name="allVersions"/> is set.
    /// </summary>
    public IReadOnlyList<string> CheckCompatibility(string subject, ParsedSchema schema, int? version, bool allVersions)
    {
        lock (_gate)
        {
            var history = LiveHistory(subject);
            var level = history.Level ?? _globalLevel;
            if (allVersions)
            {
                return CompatibilityRules.Check(level, schema, CompatibilityRules.Relevant(level, LiveSchemas(history)));
            }

            var against = FindVersion(subject, version, includeDeleted: false);
            return CompatibilityRules.Check(level, schema, [(against.Version, _schemasById[against.SchemaId].Schema)]);
        }
    }

    /// <summary>Soft-deletes a subject's versions (ids stay readable), or forgets a soft-deleted subject.</summary>
    public IReadOnlyList<int> DeleteSubject(string subject, bool permanent)
    {
        lock (_gate)
        {
            var history = _subjects.GetValueOrDefault(subject);
            if (history is null || history.Versions.Count == 0)
            {
                throw RegistryException.SubjectNotFound(subject);
            }

            if (!permanent && !history.HasLiveVersions)
            {
                throw RegistryException.SubjectNotFound(subject);
            }

            if (permanent && history.HasLiveVersions)
            {
                throw RegistryException.SubjectNotSoftDeleted(subject);
            }

            var versions = (permanent ? history.Versions : history.Live).Select(v => v.Version).ToList();
            Commit(new RegistryLogEntry { Op = RegistryLogEntry.DeleteSubjectOp, Subject = subject, Permanent = permanent });
            return versions;
        }
    }
}
