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
}
