using System.Text.Json.Nodes;
using CartStream.Events;

namespace CartStream.Registry.Tests;

/// <summary>Schemas the tests register: the sales event and its evolutions, and small records.</summary>
internal static class TestSchemas
{
    public static string SalesEventV1 => SalesEventSchema.Json;

    /// <summary>v1 plus one optional field with a default: what a backward-compatible evolution looks like.</summary>
    public static string SalesEventV2 => WithExtraField(SalesEventV1, """{ "name": "gift_wrap", "type": ["null", "boolean"], "default": null }""");

    /// <summary>v1 plus a field that has no default: old events cannot be read with it.</summary>
    public static string SalesEventWithRequiredField => WithExtraField(SalesEventV1, """{ "name": "loyalty_tier", "type": "string" }""");

    /// <summary>v1 with <c>currency</c> changed from an optional string to an optional int.</summary>
    public static string SalesEventWithCurrencyAsInt
    {
        get
        {
            var root = JsonNode.Parse(SalesEventV1)!;
            var currency = root["fields"]!.AsArray().Single(node => (string?)node!["name"] == "currency")!;
            currency["type"] = JsonNode.Parse("""["null", "int"]""");
            return root.ToJsonString();
        }
    }

    /// <summary>A one-record schema: <c>Record(name, fields...)</c> with each field given as JSON.</summary>
    public static string Record(string name, params string[] fields) =>
        $$"""{"type":"record","name":"{{name}}","namespace":"test","fields":[{{string.Join(",", fields)}}]}""";

    private static string WithExtraField(string schema, string field)
    {
        var root = JsonNode.Parse(schema)!;
        root["fields"]!.AsArray().Add(JsonNode.Parse(field));
        return root.ToJsonString();
    }
}
