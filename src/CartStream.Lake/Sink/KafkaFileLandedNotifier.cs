using System.Text.Json;
using CartStream.Ingestion;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace CartStream.Lake.Sink;

/// <summary>
/// Announces published files on a Kafka topic (default <c>cartstream.lake.files</c>): key = file key, value = the
/// <see cref="FileLanded"/> as JSON (camelCase), produced idempotently with acks=all.
/// </summary>
public sealed class KafkaFileLandedNotifier : IFileLandedNotifier, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;

    /// <summary>A notifier producing to <paramref name="topic"/> with the producer settings of <paramref name="configuration"/>.</summary>
    public KafkaFileLandedNotifier(IConfiguration configuration, string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var config = KafkaClientSettings.Producer(configuration);
        // Announcements are few and small: send each at once rather than lingering for a batch.
        config.LingerMs = 0;
        _producer = new ProducerBuilder<string, byte[]>(config).Build();
        _topic = topic;
    }

    /// <inheritdoc />
    public async ValueTask NotifyAsync(FileLanded file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await _producer.ProduceAsync(_topic, new Message<string, byte[]> { Key = file.Key, Value = JsonSerializer.SerializeToUtf8Bytes(file, Json) }, cancellationToken);
    }

    /// <summary>The JSON an announcement is sent as, read back.</summary>
    public static FileLanded? Parse(ReadOnlySpan<byte> value) => JsonSerializer.Deserialize<FileLanded>(value, Json);

    /// <inheritdoc />
    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
