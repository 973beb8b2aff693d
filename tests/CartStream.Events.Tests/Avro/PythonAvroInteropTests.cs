using System.Text.Json;
using CartStream.Events.Avro;
using CartStream.Testing;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

/// <summary>
/// Debian's python3-avro (run with /usr/bin/python3, as test.sh installs it with python3-snappy and
/// python3-zstandard) reads our container files with every codec, and we read its files: a second independent
/// implementation, and for snappy and zstandard the only one that is not our own test codec (python writes zstd
/// frames as a stream, without the content size in the frame header).
/// </summary>
public sealed class PythonAvroInteropTests
{
    private const string ReadScript = """
        import json, sys
        from avro.datafile import DataFileReader
        from avro.io import DatumReader
        with DataFileReader(open(sys.argv[1], "rb"), DatumReader()) as reader:
            codec = reader.get_meta("avro.codec").decode()
            rows = [[str(r["event_id"]), r["order_id"], None if r["product"]["unit_price"] is None else str(r["product"]["unit_price"]), str(r["discount"])] for r in reader]
        print(json.dumps({"codec": codec, "rows": rows}))
        """;

    private const string WriteScript = """
        import datetime, decimal, sys, uuid
        import avro.schema
        from avro.datafile import DataFileWriter
        from avro.io import DatumWriter
        schema = avro.schema.parse(open(sys.argv[1]).read())
        with DataFileWriter(open(sys.argv[2], "wb"), DatumWriter(), schema, codec=sys.argv[3]) as writer:
            for i in range(int(sys.argv[4])):
                writer.append({
                    "event_id": str(uuid.UUID(int=i)), "order_id": f"O{i}", "line_number": i,
                    "event_time": datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(milliseconds=i),
                    "customer": {"customer_id": "C1", "name": "Zoë", "email": None, "segment": "consumer", "signup_date": datetime.date(2020, 5, 1)},
                    "product": {"product_id": "P1", "name": "Thing", "category": "Home", "subcategory": None, "brand": "Acme",
                                "unit_price": (decimal.Decimal(i) / 100).quantize(decimal.Decimal("0.01")), "unit_cost": decimal.Decimal("-0.50")},
                    "quantity": 2, "discount": decimal.Decimal("0.1500"), "promotion_code": None, "currency": "EUR",
                    "payment_method": "card", "order_status": "paid", "sales_channel": "web", "device": "mobile",
                    "shipping_address": {"street": "1 Rue", "postal_code": "75001", "city": "Paris", "country": "FR"}})
        """;

    // python3-avro 1.11.1 writes a Decimal's own digits without rescaling them to the schema's scale (0.1 at scale 2
    // comes out as 0.01), so the script quantizes prices to the scale first.
    [Theory]
    [InlineData(AvroCodec.Null, "null")]
    [InlineData(AvroCodec.Deflate, "deflate")]
    [InlineData(AvroCodec.Snappy, "snappy")]
    [InlineData(AvroCodec.Zstandard, "zstandard")]
    public async Task We_read_container_files_python_avro_writes_with_every_codec(AvroCodec codec, string codecName)
    {
        using var temp = new TempDirectory("avro-python");
        var path = temp.Combine("python.avro");
        const int Count = 1000;
        var result = await ExternalProcess.RunAsync(
            "/usr/bin/python3", ["-c", WriteScript, RepoPaths.Combine("schemas", "sales-event.v1.avsc"), path, codecName, Count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        result.EnsureSuccess("python3-avro");

        using var reader = AvroContainerReader.Open(path);
        Assert.Equal(codec, reader.Codec);
        var events = reader.ReadEvents().ToList();
        Assert.Equal(Count, events.Count);
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(new Guid($"00000000-0000-0000-0000-{i:x12}"), events[i].EventId);
            Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(i), events[i].EventTime);
            Assert.Equal(i / 100m, events[i].Product.UnitPrice);
            Assert.Equal(-0.5m, events[i].Product.UnitCost);
            Assert.Equal(0.15m, events[i].Discount);
            Assert.Equal("Zoë", events[i].Customer.Name);
            Assert.Equal(new DateOnly(2020, 5, 1), events[i].Customer.SignupDate);
            Assert.Null(events[i].Customer.Email);
        }
    }

    [Theory]
    [InlineData(AvroCodec.Null, "null")]
    [InlineData(AvroCodec.Deflate, "deflate")]
    [InlineData(AvroCodec.Snappy, "snappy")]
    [InlineData(AvroCodec.Zstandard, "zstandard")]
    public async Task Python_avro_reads_our_container_files_with_every_codec(AvroCodec codec, string codecName)
    {
        using var temp = new TempDirectory("avro-python");
        var path = temp.Combine("events.avro");
        var events = SalesEventGen.Event.Array[150].Single();
        File.WriteAllBytes(path, AvroContainerInteropTests.WriteOurs(events, codec, SalesEventSchema.Json, new AvroContainerWriterOptions { BlockMaxRecords = 40 }));

        var result = await ExternalProcess.RunAsync("/usr/bin/python3", ["-c", ReadScript, path], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        result.EnsureSuccess("python3-avro");

        using var output = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(codecName, output.RootElement.GetProperty("codec").GetString());
        var rows = output.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(events.Length, rows.Count);
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].EventId.ToString(), rows[i][0].GetString());
            Assert.Equal(events[i].OrderId, rows[i][1].GetString());
            Assert.Equal(Normalize(events[i].Product.UnitPrice), Normalize(ParseDecimal(rows[i][2].GetString())));
            Assert.Equal(Normalize(events[i].Discount), Normalize(ParseDecimal(rows[i][3].GetString())));
        }
    }

    private static decimal? ParseDecimal(string? text) =>
        text is null ? null : decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Normalize(decimal? value) =>
        value?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
}
