using System.Text.Json;
using CartStream.Monitoring.Logging;
using CartStream.Testing;
using Microsoft.Extensions.Logging;

namespace CartStream.Monitoring.Tests;

public sealed partial class LogFileTests
{
    [Fact]
    public void Every_line_of_the_log_files_is_an_ECS_JSON_document_with_the_events_fields()
    {
        using var temp = new TempDirectory("logs");
        var logs = temp.Combine("logs");
        using (var factory = CartStreamLogging.CreateFactory("cartstream-test", logs, new LogFileOptions { Console = false }))
        {
            var logger = factory.CreateLogger("CartStream.Lake.Sink");
            Started(logger, "sales-events", 3, 1.5);
            using (logger.BeginScope(new Dictionary<string, object> { ["RunId"] = "run-7" }))
            {
                try
                {
                    throw new InvalidOperationException("disk went away");
                }
                catch (InvalidOperationException e)
                {
                    Failed(logger, e, "sales-events");
                }
            }
        }

        var lines = Directory.GetFiles(logs, CartStreamLogging.FilePattern("cartstream-test")).SelectMany(File.ReadAllLines).ToList();
        Assert.Equal(2, lines.Count);
        var documents = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        foreach (var json in documents)
        {
            Assert.True(DateTimeOffset.TryParse(json.GetProperty("@timestamp").GetString(), out _));
            Assert.Equal(EcsTextFormatter.EcsVersion, json.GetProperty("ecs.version").GetString());
            Assert.Equal("cartstream-test", json.GetProperty("service.name").GetString());
            Assert.Equal("cartstream.test", json.GetProperty("event.dataset").GetString());
            Assert.Equal("CartStream.Lake.Sink", json.GetProperty("log.logger").GetString());
        }

        var started = documents[0];
        Assert.Equal("info", started.GetProperty("log.level").GetString());
        Assert.Equal("Sink reading sales-events with 3 partitions at 1.5 MB/s", started.GetProperty("message").GetString());
        Assert.Equal("9101", started.GetProperty("event.code").GetString());
        Assert.Equal(nameof(Started), started.GetProperty("event.action").GetString());
        var labels = started.GetProperty("labels");
        Assert.Equal("sales-events", labels.GetProperty("Topic").GetString());
        Assert.Equal(3, labels.GetProperty("Partitions").GetInt32());
        Assert.Equal(1.5, labels.GetProperty("Rate").GetDouble());
        Assert.False(started.TryGetProperty("error.type", out _));

        var failed = documents[1];
        Assert.Equal("error", failed.GetProperty("log.level").GetString());
        Assert.Equal("9102", failed.GetProperty("event.code").GetString());
        Assert.Equal("System.InvalidOperationException", failed.GetProperty("error.type").GetString());
        Assert.Equal("disk went away", failed.GetProperty("error.message").GetString());
        Assert.Contains(nameof(Every_line_of_the_log_files_is_an_ECS_JSON_document_with_the_events_fields), failed.GetProperty("error.stack_trace").GetString(), StringComparison.Ordinal);
        Assert.Equal("run-7", failed.GetProperty("labels").GetProperty("RunId").GetString());
    }

    [Fact]
    public void A_property_named_like_a_secret_never_reaches_the_file_in_clear()
    {
        using var temp = new TempDirectory("logs");
        var logs = temp.Combine("logs");
        using (var factory = CartStreamLogging.CreateFactory("cartstream-test", logs, new LogFileOptions { Console = false }))
        {
            var logger = factory.CreateLogger("CartStream.Warehouse");
#pragma warning disable CA1848, CA2254 // the very mistake the formatter guards against, made on purpose
            logger.LogWarning("Connecting as {User} with {Password} and {ApiToken}", "loader", "hunter2-secret", "tok-123");
#pragma warning restore CA1848, CA2254
        }

        var text = string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText));
        Assert.DoesNotContain("hunter2-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123", text, StringComparison.Ordinal);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Connecting as loader with [redacted] and [redacted]", json.GetProperty("message").GetString());
        Assert.Equal(EcsTextFormatter.Redacted, json.GetProperty("labels").GetProperty("Password").GetString());
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Sink reading {Topic} with {Partitions} partitions at {Rate} MB/s")]
    private static partial void Started(ILogger logger, string topic, int partitions, double rate);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Writing {Topic} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string topic);
}
