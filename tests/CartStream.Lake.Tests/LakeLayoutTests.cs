namespace CartStream.Lake.Tests;

public sealed class LakeLayoutTests
{
    [Fact]
    public void Raw_file_keys_follow_the_Confluent_S3_sink_default_naming()
    {
        Assert.Equal("topics/sales-events/partition=3/sales-events+3+0000001500.avro", LakeLayout.RawFileKey("sales-events", 3, 1500));
        Assert.Equal("topics/sales-events/partition=0/sales-events+0+0000000000.avro", new RawFileId("sales-events", 0, 0).ToKey());
        // Offsets wider than the padding are written in full, as the Confluent sink does.
        Assert.Equal("topics/t/partition=0/t+0+12345678901.avro", LakeLayout.RawFileKey("t", 0, 12_345_678_901));
    }

    [Fact]
    public void Raw_file_names_sort_by_start_offset()
    {
        long[] offsets = [0, 9, 10, 99, 1000, 123456, 9_999_999_999];
        var names = offsets.Select(o => LakeLayout.RawFileKey("t", 0, o)).ToArray();

        Assert.Equal(names, names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Time_based_keys_use_the_record_hour_in_UTC()
    {
        var recordTime = new DateTimeOffset(2026, 1, 2, 5, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal(
            "topics/sales-events/year=2026/month=01/day=02/hour=03/sales-events+1+0000000042.avro",
            LakeLayout.TimeBasedRawFileKey("sales-events", 1, 42, recordTime));
    }

    [Fact]
    public void Dead_letters_live_beside_their_topic_with_the_same_naming()
    {
        Assert.Equal("topics/sales-events-dlq/partition=2/sales-events-dlq+2+0000000007.avro", LakeLayout.DeadLetterFileKey("sales-events", 2, 7));
        Assert.True(LakeLayout.TryParseRawFileKey(LakeLayout.DeadLetterFileKey("sales-events", 2, 7), out var file));
        Assert.True(file.IsDeadLetter);
        Assert.Equal("sales-events", file.SourceTopic);
    }

    [Fact]
    public void Both_raw_layouts_parse_back_to_topic_partition_and_start_offset()
    {
        var recordTime = new DateTimeOffset(2026, 11, 24, 23, 59, 59, TimeSpan.Zero);

        Assert.True(LakeLayout.TryParseRawFileKey("topics/sales.events_v1/partition=12/sales.events_v1+12+0000000100.avro", out var plain));
        Assert.True(LakeLayout.TryParseRawFileKey(LakeLayout.TimeBasedRawFileKey("t", 4, 77, recordTime), out var timed));

        Assert.Equal(new RawFileId("sales.events_v1", 12, 100), plain);
        Assert.Equal(new RawFileId("t", 4, 77), timed);
        Assert.False(plain.IsDeadLetter);
    }

    [Theory]
    [InlineData("topics/t/partition=0/t+0+100.avro")]                  // not padded: would alias t+0+0000000100
    [InlineData("topics/t/partition=1/t+0+0000000000.avro")]           // folder and name disagree on the partition
    [InlineData("topics/u/partition=0/t+0+0000000000.avro")]           // folder and name disagree on the topic
    [InlineData("topics/t/partition=0/t+0+0000000000.parquet")]
    [InlineData("topics/t/partition=0/.t+0+0000000000.avro.tmp-1")]
    [InlineData("topics/t/partition=0/t+-1+0000000000.avro")]
    [InlineData("topics/t/partition=0/t+0+0000000000+1.avro")]
    [InlineData("topics/t/year=2026/month=13/day=01/hour=00/t+0+0000000000.avro")]
    [InlineData("DWH/t/partition=0/t+0+0000000000.avro")]
    [InlineData("topics/t/t+0+0000000000.avro")]
    public void Keys_that_are_not_canonical_raw_file_names_do_not_parse(string key)
    {
        Assert.False(LakeLayout.TryParseRawFileKey(key, out _));
    }

    [Fact]
    public void Warehouse_rejected_and_state_keys_follow_the_seed_layout()
    {
        var day = new DateOnly(2026, 11, 24);

        Assert.Equal("DWH/fact_sales/event_date=2026-11-24/part-abc123.parquet", LakeLayout.DatedPartFileKey("fact_sales", day, "abc123"));
        Assert.Equal("DWH/dim_customer/part-abc123.parquet", LakeLayout.PartFileKey("dim_customer", "abc123"));
        Assert.Equal("DWH/rejected/event_date=2026-11-24/part-abc123.parquet", LakeLayout.RejectedPartFileKey(day, "abc123"));
        Assert.Equal("_state/sink/sales-events/partition=5.json", LakeLayout.SinkPartitionStateKey("sales-events", 5));
        Assert.Equal("_state/transform/", LakeLayout.StatePrefix("transform"));
    }

    [Theory]
    [InlineData("topics/t/partition=0/t+0+0000000000.avro", LakeArea.Raw)]
    [InlineData("topics/t-dlq/partition=0/t-dlq+0+0000000000.avro", LakeArea.DeadLetter)]
    [InlineData("DWH/fact_sales/event_date=2026-11-24/part-1.parquet", LakeArea.Warehouse)]
    [InlineData("DWH/rejected/event_date=2026-11-24/part-1.parquet", LakeArea.Rejected)]
    [InlineData("_state/sink/t/partition=0.json", LakeArea.State)]
    [InlineData("elsewhere/x", LakeArea.Other)]
    public void Every_key_is_classified_into_its_area(string key, LakeArea area)
    {
        Assert.Equal(area, LakeLayout.AreaOf(key));
    }

    [Fact]
    public void Part_ids_depend_only_on_the_set_of_inputs()
    {
        var id = LakeLayout.PartIdOf(["topics/t/partition=0/t+0+0000000000.avro", "topics/t/partition=1/t+1+0000000000.avro"]);

        Assert.Equal(id, LakeLayout.PartIdOf(["topics/t/partition=1/t+1+0000000000.avro", "topics/t/partition=0/t+0+0000000000.avro"]));
        Assert.NotEqual(id, LakeLayout.PartIdOf(["topics/t/partition=0/t+0+0000000000.avro"]));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Theory]
    [InlineData(".hidden")]
    [InlineData("a+b")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Topics_that_cannot_be_stored_unambiguously_are_refused(string topic)
    {
        Assert.Throws<ArgumentException>(() => LakeLayout.RawFileKey(topic, 0, 0));
    }
}
