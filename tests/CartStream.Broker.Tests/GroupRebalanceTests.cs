using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;

namespace CartStream.Broker.Tests;

/// <summary>Consumer groups of Confluent.Kafka members rebalancing as members join and leave.</summary>
public sealed class GroupRebalanceTests(BrokerFixture fixture, ITestOutputHelper output) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Three_members_split_the_partitions_and_the_rest_take_over_when_one_leaves()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("rebalance");
        var group = "g-" + topic;
        await Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 3);
        var assignments = new ConcurrentDictionary<string, int[]>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var members = new Dictionary<string, (Task Loop, CancellationTokenSource Leave)>();

        void Join(string name)
        {
            var leave = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var loop = Task.Run(() =>
            {
                using var consumer = new ConsumerBuilder<string, string>(Clients.Consumer(fixture.BootstrapServers, group))
                    .SetPartitionsAssignedHandler((_, parts) => { assignments[name] = [.. parts.Select(p => p.Partition.Value)]; })
                    .SetPartitionsRevokedHandler((_, _) => { assignments[name] = []; })
                    .Build();
                consumer.Subscribe(topic);
                while (!leave.IsCancellationRequested)
                {
                    consumer.Consume(TimeSpan.FromMilliseconds(100));
                }

                consumer.Close();
                assignments.TryRemove(name, out _);
            }, CancellationToken.None);
            members[name] = (loop, leave);
        }

        async Task<TimeSpan> SettledAsync(params string[] live)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                var current = live.Select(n => assignments.GetValueOrDefault(n) ?? []).ToList();
                if (assignments.Keys.Order().SequenceEqual(live.Order())
                    && current.All(a => a.Length > 0)
                    && current.SelectMany(a => a).Order().SequenceEqual([0, 1, 2]))
                {
                    return watch.Elapsed;
                }

                await Task.Delay(20, ct);
            }

            throw new TimeoutException($"Group did not settle on {string.Join(",", live)}: {string.Join(" ", assignments.Select(a => $"{a.Key}=[{string.Join(",", a.Value)}]"))}");
        }

        // How long each change took, for docs/broker.md; CARTSTREAM_REBALANCE_LOG collects them across runs.
        var log = Environment.GetEnvironmentVariable("CARTSTREAM_REBALANCE_LOG");
        void Report(string what, TimeSpan took)
        {
            output.WriteLine($"{what}: {took.TotalSeconds:F2} s");
            if (log is not null)
            {
                File.AppendAllText(log, $"{what}: {took.TotalSeconds:F2} s{Environment.NewLine}");
            }
        }

        Join("a");
        Report("a alone", await SettledAsync("a"));
        Join("b");
        Report("b joined", await SettledAsync("a", "b"));
        Join("c");
        Report("c joined", await SettledAsync("a", "b", "c"));
        await members["c"].Leave.CancelAsync();
        var leaving = Stopwatch.StartNew();
        await members["c"].Loop;
        await SettledAsync("a", "b");
        Report("c left (from Close to a and b settled)", leaving.Elapsed);

        await stop.CancelAsync();
        await Task.WhenAll(members.Values.Select(m => m.Loop));
    }
}
