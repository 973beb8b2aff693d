using Avro;
using CartStream.Registry.Compatibility;

namespace CartStream.Registry.Tests;

/// <summary>The Avro resolution rules on small schemas: can this reader read what that writer wrote?</summary>
public sealed class CompatibilityRuleTests
{
    private static Schema Parse(string json) => Schema.Parse(json);

    private static Schema Record(params string[] fields) => Parse(TestSchemas.Record("Point", fields));

    private static SchemaIncompatibility Single(Schema reader, Schema writer) => Assert.Single(AvroCompatibility.Check(reader, writer));

    [Fact]
    public void A_field_added_with_a_default_can_read_old_data()
    {
        var old = Record("""{"name":"x","type":"int"}""");
        var added = Record("""{"name":"x","type":"int"}""", """{"name":"label","type":["null","string"],"default":null}""");

        Assert.Empty(AvroCompatibility.Check(reader: added, writer: old));
    }

    [Fact]
    public void A_field_added_without_a_default_cannot_read_old_data_and_is_named()
    {
        var old = Record("""{"name":"x","type":"int"}""");
        var added = Record("""{"name":"x","type":"int"}""", """{"name":"label","type":"string"}""");

        var found = Single(reader: added, writer: old);

        Assert.Equal(IncompatibilityKind.ReaderFieldMissingDefaultValue, found.Kind);
        Assert.Equal("Point.label", found.Path);
        Assert.Contains("'label'", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_field_is_ignored_by_the_new_reader_but_breaks_an_old_reader_that_needs_it()
    {
        var old = Record("""{"name":"x","type":"int"}""", """{"name":"y","type":"int"}""");
        var removed = Record("""{"name":"x","type":"int"}""");

        Assert.Empty(AvroCompatibility.Check(reader: removed, writer: old));
        Assert.Equal(IncompatibilityKind.ReaderFieldMissingDefaultValue, Single(reader: old, writer: removed).Kind);
    }

    [Theory]
    [InlineData("int", "long")]
    [InlineData("int", "float")]
    [InlineData("int", "double")]
    [InlineData("long", "float")]
    [InlineData("long", "double")]
    [InlineData("float", "double")]
    [InlineData("string", "bytes")]
    [InlineData("bytes", "string")]
    public void A_writer_type_promotes_to_a_wider_reader_type(string writer, string reader)
    {
        Assert.True(AvroCompatibility.CanRead(Parse($"\"{reader}\""), Parse($"\"{writer}\"")));
    }

    [Theory]
    [InlineData("long", "int")]
    [InlineData("double", "float")]
    [InlineData("float", "long")]
    [InlineData("string", "int")]
    [InlineData("boolean", "int")]
    [InlineData("null", "string")]
    public void A_writer_type_does_not_narrow_or_change_kind(string writer, string reader)
    {
        Assert.Equal(IncompatibilityKind.TypeMismatch, Single(Parse($"\"{reader}\""), Parse($"\"{writer}\"")).Kind);
    }

    [Fact]
    public void A_field_type_change_names_the_field_and_both_types()
    {
        var old = Record("""{"name":"code","type":"string"}""");
        var changed = Record("""{"name":"code","type":"int"}""");

        var found = Single(reader: changed, writer: old);

        Assert.Equal("Point.code", found.Path);
        Assert.Contains("int", found.Message, StringComparison.Ordinal);
        Assert.Contains("string", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_reader_reads_each_of_its_branches_and_promotes_into_them()
    {
        var nullableLong = Parse("""["null","long"]""");

        Assert.True(AvroCompatibility.CanRead(nullableLong, Parse("\"long\"")));
        Assert.True(AvroCompatibility.CanRead(nullableLong, Parse("\"int\"")));
        Assert.True(AvroCompatibility.CanRead(nullableLong, Parse("""["null","int"]""")));
        Assert.True(AvroCompatibility.CanRead(Parse("""["null","string","long"]"""), nullableLong));
    }

    [Fact]
    public void A_writer_union_branch_the_reader_cannot_take_is_reported()
    {
        var found = Single(reader: Parse("""["null","string"]"""), writer: Parse("""["null","string","long"]"""));

        Assert.Equal(IncompatibilityKind.MissingUnionBranch, found.Kind);
        Assert.Contains("long", found.Message, StringComparison.Ordinal);
        Assert.Equal(IncompatibilityKind.TypeMismatch, Single(reader: Parse("\"string\""), writer: Parse("""["null","string"]""")).Kind);
    }

    [Fact]
    public void Enum_symbols_the_reader_lacks_are_refused_unless_it_has_a_default()
    {
        var writer = Parse("""{"type":"enum","name":"Channel","symbols":["WEB","STORE","APP"]}""");
        var fewer = Parse("""{"type":"enum","name":"Channel","symbols":["WEB","STORE"]}""");
        var fewerWithDefault = Parse("""{"type":"enum","name":"Channel","symbols":["WEB","STORE"],"default":"WEB"}""");
        var more = Parse("""{"type":"enum","name":"Channel","symbols":["WEB","STORE","APP","PHONE"]}""");

        var found = Single(reader: fewer, writer: writer);
        Assert.Equal(IncompatibilityKind.MissingEnumSymbols, found.Kind);
        Assert.Contains("APP", found.Message, StringComparison.Ordinal);
        Assert.True(AvroCompatibility.CanRead(fewerWithDefault, writer));
        Assert.True(AvroCompatibility.CanRead(more, writer));
    }

    [Fact]
    public void A_problem_inside_a_nested_record_is_reported_with_its_full_path()
    {
        var old = Parse(TestSchemas.Record("Order", """{"name":"customer","type":{"type":"record","name":"Customer","fields":[{"name":"id","type":"string"}]}}"""));
        var changed = Parse(TestSchemas.Record("Order", """{"name":"customer","type":{"type":"record","name":"Customer","fields":[{"name":"id","type":"string"},{"name":"tier","type":"int"}]}}"""));
        var optionalNested = Parse(TestSchemas.Record("Order", """{"name":"customer","type":["null",{"type":"record","name":"Customer","fields":[{"name":"id","type":"string"},{"name":"tier","type":"int"}]}],"default":null}"""));

        Assert.Equal("Order.customer.tier", Single(reader: changed, writer: old).Path);
        Assert.Equal("Order.customer.tier", Single(reader: optionalNested, writer: old).Path);
    }

    [Fact]
    public void Renamed_records_and_fields_resolve_through_aliases_only()
    {
        var old = Parse(TestSchemas.Record("Point", """{"name":"x","type":"int"}"""));
        var renamed = Parse(TestSchemas.Record("Spot", """{"name":"x","type":"int"}"""));
        var aliased = Parse("""{"type":"record","name":"Spot","namespace":"test","aliases":["Point"],"fields":[{"name":"east","type":"int","aliases":["x"]}]}""");

        Assert.Equal(IncompatibilityKind.NameMismatch, Single(reader: renamed, writer: old).Kind);
        Assert.Empty(AvroCompatibility.Check(reader: aliased, writer: old));
    }

    [Fact]
    public void Fixed_sizes_must_match()
    {
        var found = Single(Parse("""{"type":"fixed","name":"Hash","size":16}"""), Parse("""{"type":"fixed","name":"Hash","size":32}"""));

        Assert.Equal(IncompatibilityKind.FixedSizeMismatch, found.Kind);
    }

    [Fact]
    public void Array_items_and_map_values_follow_the_same_rules()
    {
        Assert.True(AvroCompatibility.CanRead(Parse("""{"type":"array","items":"long"}"""), Parse("""{"type":"array","items":"int"}""")));
        Assert.True(AvroCompatibility.CanRead(Parse("""{"type":"map","values":"double"}"""), Parse("""{"type":"map","values":"float"}""")));
        Assert.Equal("array<int>[]", Single(Parse("""{"type":"array","items":"int"}"""), Parse("""{"type":"array","items":"string"}""")).Path);
        Assert.Equal(IncompatibilityKind.TypeMismatch, Single(Parse("""{"type":"map","values":"int"}"""), Parse("""{"type":"array","items":"int"}""")).Kind);
    }

    [Fact]
    public void Logical_types_resolve_by_their_underlying_type()
    {
        var millis = Parse("""{"type":"long","logicalType":"timestamp-millis"}""");

        Assert.True(AvroCompatibility.CanRead(millis, Parse("\"long\"")));
        Assert.True(AvroCompatibility.CanRead(Parse("\"long\""), millis));
    }

    [Fact]
    public void A_recursive_schema_is_checked_without_looping()
    {
        const string node = """{"type":"record","name":"Node","fields":[{"name":"value","type":"int"},{"name":"next","type":["null","Node"],"default":null}]}""";
        const string wider = """{"type":"record","name":"Node","fields":[{"name":"value","type":"long"},{"name":"next","type":["null","Node"],"default":null}]}""";

        Assert.True(AvroCompatibility.CanRead(Parse(wider), Parse(node)));
        Assert.False(AvroCompatibility.CanRead(Parse(node), Parse(wider)));
    }

    [Fact]
    public void Sales_event_v2_and_v1_read_each_other()
    {
        var v1 = Parse(TestSchemas.SalesEventV1);
        var v2 = Parse(TestSchemas.SalesEventV2);

        Assert.Empty(AvroCompatibility.Check(reader: v2, writer: v1));
        Assert.Empty(AvroCompatibility.Check(reader: v1, writer: v2));
    }
}
