using CartStream.Registry.Api;
using CartStream.Registry.Compatibility;
using CartStream.Registry.Schemas;

namespace CartStream.Registry.Storage;

/// <summary>
/// The registry's state: schemas by id, subjects and their versions, compatibility levels. Every change is
/// written to the <see cref="RegistryLog"/> before it is applied, so memory never holds what the disk does not.
/// </summary>
/// <remarks>One lock serialises everything: registrations are rare and every operation is a few lookups.</remarks>
internal sealed partial class SchemaStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly RegistryLog _log;
    private readonly ILogger _logger;
    private readonly Dictionary<int, StoredSchema> _schemasById = [];
    private readonly Dictionary<string, int> _idsByCanonical = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SubjectHistory> _subjects = new(StringComparer.Ordinal);
    private CompatibilityLevel _globalLevel;
    private int _lastId;

    public SchemaStore(string directory, CompatibilityLevel defaultLevel, ILogger logger)
    {
        _logger = logger;
        _globalLevel = defaultLevel;
        _log = RegistryLog.Open(directory, logger, out var entries);
        foreach (var entry in entries)
        {
            Apply(entry);
        }

        Log.Replayed(logger, directory, entries.Count, _schemasById.Count, _subjects.Count);
    }

    public CompatibilityLevel GlobalLevel
    {
        get
        {
            lock (_gate)
            {
                return _globalLevel;
            }
        }
    }

    public (int Id, int Version) Register(string subject, ParsedSchema schema)
    {
        lock (_gate)
        {
            var history = _subjects.GetValueOrDefault(subject);
            var existing = history?.Live.FirstOrDefault(version => _schemasById[version.SchemaId].Schema.Canonical == schema.Canonical);
            if (existing is not null)
            {
                return (existing.SchemaId, existing.Version);
            }

            var level = history?.Level ?? _globalLevel;
            var problems = CompatibilityRules.Check(level, schema, CompatibilityRules.Relevant(level, LiveSchemas(history)));
            if (problems.Count > 0)
            {
                Log.Refused(_logger, subject, problems.Count, problems[0]);
                throw RegistryException.Incompatible(
                    $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\": {string.Join("; ", problems)}");
            }

            if (!_idsByCanonical.TryGetValue(schema.Canonical, out var id))
            {
                id = _lastId + 1;
                Commit(new RegistryLogEntry { Op = RegistryLogEntry.SchemaOp, Id = id, Schema = schema.Canonical });
            }

            var next = history?.NextVersion ?? 1;
            Commit(new RegistryLogEntry { Op = RegistryLogEntry.VersionOp, Subject = subject, Version = next, Id = id });
            Log.Registered(_logger, subject, next, id);
            return (id, next);
        }
    }

    public (SubjectVersion Version, StoredSchema Schema) Lookup(string subject, ParsedSchema schema)
    {
        lock (_gate)
        {
            var history = LiveHistory(subject);
            var match = history.Live.FirstOrDefault(version => _schemasById[version.SchemaId].Schema.Canonical == schema.Canonical)
                ?? throw RegistryException.SchemaNotFound($"under subject '{subject}'");
            return (match, _schemasById[match.SchemaId]);
        }
    }

    public StoredSchema GetSchema(int id)
    {
        lock (_gate)
        {
            return _schemasById.GetValueOrDefault(id) ?? throw RegistryException.SchemaNotFound($"with id {id}");
        }
    }

    public IReadOnlyList<SubjectVersionReference> GetUsages(int id)
    {
        lock (_gate)
        {
            if (!_schemasById.ContainsKey(id))
            {
                throw RegistryException.SchemaNotFound($"with id {id}");
            }

            return [.. _subjects.SelectMany(subject => subject.Value.Live
                .Where(version => version.SchemaId == id)
                .Select(version => new SubjectVersionReference(subject.Key, version.Version)))];
        }
    }

    public IReadOnlyList<string> GetSubjects(bool includeDeleted)
    {
        lock (_gate)
        {
            return [.. _subjects.Where(s => includeDeleted ? s.Value.Versions.Count > 0 : s.Value.HasLiveVersions).Select(s => s.Key)];
        }
    }

    public IReadOnlyList<int> GetVersions(string subject, bool includeDeleted)
    {
        lock (_gate)
        {
            var history = _subjects.GetValueOrDefault(subject);
            var versions = history is null ? [] : includeDeleted ? history.Versions : history.Live.ToList();
            return versions.Count == 0 ? throw RegistryException.SubjectNotFound(subject) : [.. versions.Select(v => v.Version)];
        }
    }

    /// <summary>A version of a subject; <paramref name="version"/> null means the latest.</summary>
    public (SubjectVersion Version, StoredSchema Schema) GetVersion(string subject, int? version, bool includeDeleted = false)
    {
        lock (_gate)
        {
            var found = FindVersion(subject, version, includeDeleted);
            return (found, _schemasById[found.SchemaId]);
        }
    }
}
