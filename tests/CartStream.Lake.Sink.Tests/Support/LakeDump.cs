using System.Text.Json;
using CartStream.Testing;

namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>One file as the independent reader (Debian python3-avro, tools/lake_dump.py) read it.</summary>
public sealed record DumpedFile(string Path, Dictionary<string, string> Meta, List<JsonElement> Records)
{
    /// <summary>Runs the reader over every <c>*.avro</c> file under <paramref name="lakeRoot"/>.</summary>
    public static async Task<List<DumpedFile>> ReadAllAsync(string lakeRoot, CancellationToken ct)
    {
        var script = System.IO.Path.Combine(AppContext.BaseDirectory, "tools", "lake_dump.py");
        // A hang guard, not a timing: python3-avro reads a few thousand records a second, and the full-size kill
        // test (scripts/sink-kill-test.sh) reads 500,000 on a shared machine.
        var result = (await ExternalProcess.RunAsync("/usr/bin/python3", [script, lakeRoot], TimeSpan.FromMinutes(15), ct)).EnsureSuccess("python3-avro reading the lake");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            return new DumpedFile(
                root.GetProperty("path").GetString()!.Replace('\\', '/'),
                root.GetProperty("meta").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                root.GetProperty("records").EnumerateArray().Select(r => r.Clone()).ToList());
        }).ToList();
    }

    /// <summary>A header entry read as a number.</summary>
    public long MetaLong(string name) => long.Parse(Meta[name], System.Globalization.CultureInfo.InvariantCulture);
}
