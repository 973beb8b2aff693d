using Avro;
using CartStream.Registry.Api;

namespace CartStream.Registry.Schemas;

/// <summary>Turns schema text sent by a client into a <see cref="ParsedSchema"/>, or an invalid-schema error (42201).</summary>
internal static class AvroSchemaParser
{
    public static ParsedSchema Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RegistryException.InvalidSchema("Empty schema");
        }

        Schema schema;
        string canonical;
        try
        {
            schema = Schema.Parse(text);

            // Rendering is part of validation: Apache.Avro parses an unknown type name into a schema it cannot render.
            canonical = schema.ToString();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Apache.Avro throws more than AvroException on odd input (an unknown type name is a lookup failure):
            // whatever the parser rejects, the client sent an invalid schema.
            throw RegistryException.InvalidSchema($"Invalid schema: {ex.Message}");
        }

        // Apache.Avro accepts any JSON as a default; a wrong one would only fail later, in a reader resolving old data.
        var badDefault = AvroDefaultValidator.FindInvalidDefault(schema);
        if (badDefault is not null)
        {
            throw RegistryException.InvalidSchema($"Invalid schema: {badDefault}");
        }

        return new ParsedSchema(canonical, schema);
    }
}
