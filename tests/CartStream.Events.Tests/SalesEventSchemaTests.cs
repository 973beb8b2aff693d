using System.Text.Json;

namespace CartStream.Events.Tests;

public sealed class SalesEventSchemaTests
{
    [Fact]
    public void Embedded_schema_is_the_sales_event_record_with_a_non_null_event_id()
    {
        using var doc = JsonDocument.Parse(SalesEventSchema.Json);
        var root = doc.RootElement;
        Assert.Equal("SalesEvent", root.GetProperty("name").GetString());
        Assert.Equal("cartstream.events", root.GetProperty("namespace").GetString());

        var eventId = root.GetProperty("fields").EnumerateArray().First(f => f.GetProperty("name").GetString() == "event_id");
        Assert.Equal(JsonValueKind.Object, eventId.GetProperty("type").ValueKind);
        Assert.Equal("uuid", eventId.GetProperty("type").GetProperty("logicalType").GetString());
    }
}
