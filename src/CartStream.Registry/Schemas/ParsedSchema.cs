using Avro;

namespace CartStream.Registry.Schemas;

/// <summary>A schema that parsed and validated, with the canonical text that identifies it.</summary>
/// <param name="Canonical">Apache.Avro's compact rendering: whitespace and spelling variants of one schema render alike.</param>
/// <param name="Avro">The parsed schema, for compatibility checks.</param>
internal sealed record ParsedSchema(string Canonical, Schema Avro);
