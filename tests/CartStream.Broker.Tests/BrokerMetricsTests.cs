using CartStream.Testing;
using Confluent.Kafka;

namespace CartStream.Broker.Tests;

public sealed class BrokerMetricsTests
{
    [Fact]
    public async Task The_disk_gauge_reports_the_share_of_the_filesystem_the_data_folder_takes_after_records_are_written()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("broker-metrics");
        using var recorder = new MeasurementRecorder("CartStream.Broker");
        await using var broker = new KafkaBroker(new BrokerOptions { DataDirectory = data.Path, Port = 0 });
        await broker.StartAsync(ct);
        await Clients.CreateTopicAsync(broker.BootstrapServers, "disk", 1);
        using (var producer = new ProducerBuilder<string, string>(Clients.Producer(broker.BootstrapServers)).Build())
        {
            for (var i = 0; i < 100; i++)
            {
                await producer.ProduceAsync("disk", new Message<string, string> { Key = $"k{i}", Value = new string('x', 1000) }, ct);
            }
        }

        var bytes = new DirectoryInfo(data.Path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        var size = new DriveInfo(data.Path).TotalSize;
        var reading = Assert.Single(recorder.Measurements("cartstream.broker.disk.utilization"), m => (string?)m.Tags["data_directory"] == Path.GetFullPath(data.Path));
        // The gauge reads the folder itself, so it sees the records written (and whatever the broker wrote since).
        Assert.InRange(reading.Value * size, 100_000, bytes + 1_000_000);
    }

    [Fact]
    public async Task Requests_are_counted_per_API_with_their_bytes_and_durations_and_each_partition_reports_its_size()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("broker-requests");
        using var recorder = new MeasurementRecorder("CartStream.Broker");
        await using var broker = new KafkaBroker(new BrokerOptions { DataDirectory = data.Path, Port = 0 });
        await broker.StartAsync(ct);
        await Clients.CreateTopicAsync(broker.BootstrapServers, "sized", 2);
        using (var producer = new ProducerBuilder<string, string>(Clients.Producer(broker.BootstrapServers)).Build())
        {
            for (var i = 0; i < 50; i++)
            {
                // One awaited message at a time: one Produce request each.
                await producer.ProduceAsync(new TopicPartition("sized", 0), new Message<string, string> { Key = $"k{i}", Value = new string('x', 1000) }, ct);
            }
        }

        // Other tests' brokers share the process's instruments: this one's requests are at least these.
        var produces = recorder.Measurements("cartstream.broker.requests").Where(m => (string?)m.Tags["api"] == "Produce").Sum(m => m.Value);
        Assert.True(produces >= 50, $"{produces} Produce requests counted");
        Assert.Contains(recorder.Measurements("cartstream.broker.requests"), m => (string?)m.Tags["api"] == "CreateTopics");
        Assert.True(recorder.Measurements("cartstream.broker.received").Sum(m => m.Value) >= 50_000);
        Assert.True(recorder.Measurements("cartstream.broker.sent").Sum(m => m.Value) > 0);
        Assert.True(recorder.Measurements("cartstream.broker.request.duration").Count(m => (string?)m.Tags["api"] == "Produce") >= 50);

        // Every read polls the gauges again: the last reading of each partition is the current one.
        var sizes = recorder.Measurements("cartstream.broker.partition.size").Where(m => (string?)m.Tags["topic"] == "sized").ToList();
        Assert.Equal([0, 1], sizes.Select(m => (int)m.Tags["partition"]!).Distinct().Order());
        Assert.InRange(sizes.Last(m => (int)m.Tags["partition"]! == 0).Value, 50_000, 1_000_000);
        Assert.Equal(0, sizes.Last(m => (int)m.Tags["partition"]! == 1).Value);
    }
}
