using Confluent.Kafka;

namespace CartStream.Broker.Tests;

/// <summary>Random, mutated and oversized requests never take the broker down or disturb other clients.</summary>
public sealed class FuzzTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    /// <summary>10k in the suite; scripts/broker-fuzz.sh sets CARTSTREAM_FUZZ_REQUESTS=100000.</summary>
    private static int Requests => int.TryParse(Environment.GetEnvironmentVariable("CARTSTREAM_FUZZ_REQUESTS"), out var n) ? n : 10_000;

    [Fact]
    public async Task The_broker_serves_a_normal_client_correctly_after_random_and_mutated_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = BrokerFixture.NewTopic("fuzz");
        await Clients.CreateTopicAsync(fixture.BootstrapServers, topic, 1);
        var seeds = Seeds(topic);
        var random = new Random(20261124);
        var answered = 0;
        var closed = 0;
        RawClient? client = null;
        for (var i = 0; i < Requests; i++)
        {
            ct.ThrowIfCancellationRequested();
            client ??= new RawClient(fixture.Broker.Port);
            var frame = NextFrame(random, seeds);
            try
            {
                client.Stream.Write(frame);
                if (client.ReadFrame(TimeSpan.FromMilliseconds(200)) is null)
                {
                    closed++;
                    client.Dispose();
                    client = null;
                }
                else
                {
                    answered++;
                }
            }
            catch (IOException)
            {
                // Closed by the broker mid-write, or no answer yet (a long poll): start over on a new connection.
                closed++;
                client?.Dispose();
                client = null;
            }
        }

        client?.Dispose();
        Assert.True(answered > 0 && closed > 0, $"answered {answered}, closed {closed}");

        // A frame claiming to be larger than the configured maximum is refused without reading it.
        using (var oversized = new RawClient(fixture.Broker.Port))
        {
            oversized.Stream.Write(RawClient.BigEndian(200 * 1024 * 1024));
            Assert.Null(oversized.ReadFrame(TimeSpan.FromSeconds(10)));
        }

        // An unknown API key closes only that connection; an unknown ApiVersions version gets the v0 error answer.
        using (var unknown = new RawClient(fixture.Broker.Port))
        {
            Assert.Throws<IOException>(() => unknown.Send(999, 0, []));
        }

        using (var future = new RawClient(fixture.Broker.Port))
        {
            // Versions 3 and up carry header v2: the one byte is its empty tagged-field section.
            var answer = future.Send(18, 99, [0]);
            Assert.Equal(35, (answer[0] << 8) | answer[1]);
        }

        using var producer = new ProducerBuilder<string, string>(Clients.Producer(fixture.BootstrapServers)).Build();
        for (var i = 0; i < 50; i++)
        {
            await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = $"after-fuzz-{i}" }, ct);
        }

        var values = Clients.ReadToEnd(fixture.BootstrapServers, topic, 1, ct).Select(r => r.Message.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"after-fuzz-{i}"), values.Where(v => v?.StartsWith("after-fuzz-", StringComparison.Ordinal) == true));
    }

    /// <summary>Well-formed requests of the kinds a client sends, to be mutated.</summary>
    private static List<(short Key, short Version, byte[] Body)> Seeds(string topic)
    {
        byte[] topicArray = [.. RawClient.BigEndian(1), .. RawClient.String(topic)];
        return
        [
            (18, 0, []),
            (18, 3, [5, (byte)'f', (byte)'u', (byte)'z', (byte)'z', 2, (byte)'1', 0]),
            (3, 1, topicArray),
            (3, 4, [.. topicArray, 0]),
            (0, 3, RawClient.ProduceBody(topic, 0, RawClient.Batch(-1, -1, -1, "fuzz-seed"))),
            (1, 4, [.. RawClient.BigEndian(-1), .. RawClient.BigEndian(0), .. RawClient.BigEndian(1), .. RawClient.BigEndian(1 << 20), 0,
                .. topicArray, .. RawClient.BigEndian(1), .. RawClient.BigEndian(0), .. RawClient.BigEndian(0L), .. RawClient.BigEndian(1 << 20)]),
            (2, 1, [.. RawClient.BigEndian(-1), .. topicArray, .. RawClient.BigEndian(1), .. RawClient.BigEndian(0), .. RawClient.BigEndian(-1L)]),
            (10, 0, RawClient.String("fuzz-group")),
            (12, 0, [.. RawClient.String("fuzz-group"), .. RawClient.BigEndian(1), .. RawClient.String("nobody")]),
            (9, 1, [.. RawClient.String("fuzz-group"), .. topicArray, .. RawClient.BigEndian(1), .. RawClient.BigEndian(0)]),
            (15, 0, [.. RawClient.BigEndian(1), .. RawClient.String("fuzz-group")]),
            (16, 0, []),
            (22, 0, [.. RawClient.BigEndian((short)-1), .. RawClient.BigEndian(60_000)]),
        ];
    }

    private static byte[] NextFrame(Random random, List<(short Key, short Version, byte[] Body)> seeds)
    {
        byte[] request;
        switch (random.Next(4))
        {
            case 0:
                // Random bytes where a request should be.
                request = new byte[random.Next(0, 300)];
                random.NextBytes(request);
                break;
            case 1:
                // A random API key and version with a random body.
                var body = new byte[random.Next(0, 100)];
                random.NextBytes(body);
                request = [.. Header((short)random.Next(-2, 70), (short)random.Next(-2, 20)), .. body];
                break;
            default:
                // A well-formed request with a few bytes flipped, cut short or extended.
                var (key, version, seedBody) = seeds[random.Next(seeds.Count)];
                request = [.. Header(key, version), .. seedBody];
                var mutations = random.Next(1, 4);
                for (var m = 0; m < mutations; m++)
                {
                    switch (random.Next(3))
                    {
                        case 0 when request.Length > 0:
                            request[random.Next(request.Length)] = (byte)random.Next(256);
                            break;
                        case 1 when request.Length > 1:
                            request = request[..random.Next(request.Length)];
                            break;
                        default:
                            var extra = new byte[random.Next(1, 16)];
                            random.NextBytes(extra);
                            request = [.. request, .. extra];
                            break;
                    }
                }

                break;
        }

        return [.. RawClient.BigEndian(request.Length), .. request];
    }

    private static byte[] Header(short key, short version) =>
        [.. RawClient.BigEndian(key), .. RawClient.BigEndian(version), .. RawClient.BigEndian(7), .. RawClient.String("fuzz")];
}
