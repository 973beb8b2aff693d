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
        try
        {
            schema = Schema.Parse(text);
        }
        catch (Exception ex) when (ex is AvroException or Newtonsoft.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            throw RegistryException.InvalidSchema($"Invalid schema: {ex.Message}");
        }

        // Apache.Avro accepts any JSON as a default; a wrong one would only fail later, in a reader resolving old data.
        var badDefault = AvroDefaultValidator.FindInvalidDefault(schema);
        if (badDefault is not null)
        {
            throw RegistryException.InvalidSchema($"Invalid schema: {badDefault}");
        }

        var canonical = schema.ToString();
        return new ParsedSchema(canonical, Schema.Parse(canonical));
    }
}
