using CartStream.Events.Avro;

namespace CartStream.Lake.Sink.Tests.Support;

/// <summary>What the lake holds, checked offset by offset against the topic.</summary>
/// <param name="RawRecords">Records in raw files.</param>
/// <param name="DeadLetters">Dead-letter records by (partition, offset), with their reasons.</param>
/// <param name="Files">Every file's path relative to the lake root.</param>
public sealed record LakeCheck(int RawRecords, Dictionary<(int Partition, long Offset), string> DeadLetters, List<string> Files)
{
    /// <summary>
    /// Reads every <c>*.avro</c> file under <paramref name="lakeRoot"/> with the independent reader and asserts that
    /// every offset of <paramref name="messages"/> is in exactly one file: a dead-letter record naming it (with the
    /// original value) or the matching position of a raw file (with the same event id), and that every visible
    /// <c>.avro</c> name is a canonical file name, never a temporary one.
    /// </summary>
    public static async Task<LakeCheck> VerifyAsync(string lakeRoot, string topic, IReadOnlyList<KafkaRecord> messages, CancellationToken ct)
    {
        var files = await DumpedFile.ReadAllAsync(lakeRoot, ct);
        var byOffset = messages.ToDictionary(m => (m.Partition, m.Offset));
        var claims = new Dictionary<(int, long), List<string>>();
        var deadLetters = new Dictionary<(int, long), string>();

        void Claim(int partition, long offset, string path) =>
            (claims.TryGetValue((partition, offset), out var list) ? list : claims[(partition, offset)] = []).Add(path);

        foreach (var file in files)
        {
            Assert.True(LakeLayout.TryParseRawFileKey(file.Path, out var id), $"'{file.Path}' is visible as .avro but is not a published file name");
            Assert.Equal(id.SourceTopic, topic);
            if (!id.IsDeadLetter)
            {
                continue;
            }

            foreach (var record in file.Records)
            {
                var partition = record.GetProperty("partition").GetInt32();
                var offset = record.GetProperty("offset").GetInt64();
                Claim(partition, offset, file.Path);
                deadLetters[(partition, offset)] = record.GetProperty("reason").GetString()!;
                Assert.True(byOffset.TryGetValue((partition, offset), out var original), $"dead letter {partition}@{offset} is not in the topic");
                var value = record.GetProperty("value");
                Assert.Equal(original.Value is null ? null : Convert.ToBase64String(original.Value), value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetString());
            }
        }

        var rawRecords = 0;
        foreach (var file in files.Where(f => LakeLayout.TryParseRawFileKey(f.Path, out var id) && !id.IsDeadLetter))
        {
            var partition = (int)file.MetaLong("cartstream.partition");
            var start = file.MetaLong("cartstream.start_offset");
            var end = file.MetaLong("cartstream.end_offset");
            // The raw file holds, in order, the batch's offsets that are not dead letters.
            var expected = messages
                .Where(m => m.Partition == partition && m.Offset >= start && m.Offset <= end && !deadLetters.ContainsKey((partition, m.Offset)))
                .OrderBy(m => m.Offset)
                .ToList();
            Assert.Equal(expected.Count, file.Records.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(EventId(expected[i].Value!), file.Records[i].GetProperty("event_id").GetString());
                Claim(partition, expected[i].Offset, file.Path);
            }

            rawRecords += expected.Count;
        }

        var doubled = claims.Where(c => c.Value.Count > 1).Take(5).Select(c => $"{c.Key} in {string.Join(" and ", c.Value)}").ToList();
        Assert.True(doubled.Count == 0, $"offsets in more than one file: {string.Join("; ", doubled)}");
        var missing = messages.Where(m => !claims.ContainsKey((m.Partition, m.Offset))).Take(10).Select(m => $"{m.Partition}@{m.Offset}").ToList();
        Assert.True(missing.Count == 0, $"offsets in no file: {string.Join(", ", missing)}");
        Assert.Equal(messages.Count, claims.Count);
        return new LakeCheck(rawRecords, deadLetters, files.Select(f => f.Path).ToList());
    }

    private static string EventId(byte[] value) => new AvroBinaryReader(value.AsSpan(ConfluentWireFormat.HeaderLength)).ReadString();
}
