using System.Text.Json;
using CartStream.Events.Avro;
using CartStream.Testing;
using CsCheck;

namespace CartStream.Events.Tests.Avro;

/// <summary>
/// Debian's python3-avro (run with /usr/bin/python3, as test.sh installs it with python3-snappy and
/// python3-zstandard) reads our container files with every codec: a second independent implementation, and for
/// snappy and zstandard the only one that is not our own test codec.
/// </summary>
public sealed class PythonAvroReaderTests
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
