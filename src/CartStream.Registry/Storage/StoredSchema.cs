using CartStream.Registry.Schemas;

namespace CartStream.Registry.Storage;

/// <summary>A schema the registry has given an id; the id is global and never reused.</summary>
internal sealed record StoredSchema(int Id, ParsedSchema Schema);
