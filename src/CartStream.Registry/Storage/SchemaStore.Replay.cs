using CartStream.Registry.Api;
using CartStream.Registry.Compatibility;
using CartStream.Registry.Schemas;

namespace CartStream.Registry.Storage;

/// <summary>Applying log entries: the one path by which state changes, live or at start.</summary>
internal sealed partial class SchemaStore
{
    public void Dispose() => _log.Dispose();

    private void Commit(RegistryLogEntry entry)
    {
        try
        {
            _log.Append(entry);
        }
        catch (IOException ex)
        {
            throw RegistryException.StoreFailed(ex.Message);
        }

        Apply(entry);
    }

    private void Apply(RegistryLogEntry entry)
    {
        switch (entry.Op)
        {
            case RegistryLogEntry.SchemaOp:
                var schema = AvroSchemaParser.Parse(entry.Schema);
                var id = entry.Id ?? throw new InvalidDataException("A schema entry of the registry log has no id.");
                _schemasById[id] = new StoredSchema(id, schema);
                _idsByCanonical[schema.Canonical] = id;
                _lastId = Math.Max(_lastId, id);
                break;
            case RegistryLogEntry.VersionOp:
                History(entry.Subject).Versions.Add(new SubjectVersion(
                    entry.Version ?? throw new InvalidDataException("A version entry of the registry log has no version."),
                    entry.Id ?? throw new InvalidDataException("A version entry of the registry log has no id.")));
                break;
            case RegistryLogEntry.ConfigOp when entry.Subject is null:
                _globalLevel = ParseLevel(entry.Compatibility);
                break;
            case RegistryLogEntry.ConfigOp:
                History(entry.Subject).Level = entry.Compatibility is null ? null : ParseLevel(entry.Compatibility);
                break;
            case RegistryLogEntry.DeleteSubjectOp when entry.Permanent == true:
                _subjects.Remove(entry.Subject ?? string.Empty);
                break;
            case RegistryLogEntry.DeleteSubjectOp:
                History(entry.Subject).Versions.ForEach(version => version.Deleted = true);
                break;
            default:
                throw new InvalidDataException($"Unknown registry log operation '{entry.Op}'.");
        }
    }

    private SubjectHistory History(string? subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!_subjects.TryGetValue(subject, out var history))
        {
            history = new SubjectHistory();
            _subjects[subject] = history;
        }

        return history;
    }

    private SubjectHistory LiveHistory(string subject)
    {
        var history = _subjects.GetValueOrDefault(subject);
        return history is { HasLiveVersions: true } ? history : throw RegistryException.SubjectNotFound(subject);
    }

    private SubjectVersion FindVersion(string subject, int? version, bool includeDeleted)
    {
        var history = includeDeleted ? _subjects.GetValueOrDefault(subject) : LiveHistory(subject);
        var candidates = (includeDeleted ? history?.Versions : history?.Live)?.ToList() ?? [];
        if (candidates.Count == 0)
        {
            throw RegistryException.SubjectNotFound(subject);
        }

        var found = version is null ? candidates[^1] : candidates.FirstOrDefault(v => v.Version == version);
        return found ?? throw RegistryException.VersionNotFound(subject, version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest");
    }

    private List<(int Version, ParsedSchema Schema)> LiveSchemas(SubjectHistory? history) =>
        history is null ? [] : [.. history.Live.Select(v => (v.Version, _schemasById[v.SchemaId].Schema))];

    private static CompatibilityLevel ParseLevel(string? name) =>
        CompatibilityLevelNames.TryParse(name, out var level)
            ? level
            : throw new InvalidDataException($"Unknown compatibility level '{name}' in the registry log.");
}
