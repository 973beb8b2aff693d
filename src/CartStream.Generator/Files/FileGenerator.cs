using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using CartStream.Events;
using CartStream.Events.Avro;
using CartStream.Generator.Labels;
using CartStream.Generator.Rate;
using CartStream.Generator.Sampling;

namespace CartStream.Generator.Files;

/// <summary>
/// Generates events into an Avro container file and their labels into <c>OUT.labels.jsonl</c>: what
/// <c>cartstream generate --out</c> runs.
/// </summary>
public static class FileGenerator
{
    private const int BatchSize = 4096;

    /// <summary>Runs until the event count or the duration is reached (or cancellation), then closes both files.</summary>
    /// <param name="options">What to write.</param>
    /// <param name="progress">Where a progress line goes every <see cref="FileGenerationOptions.ProgressInterval"/>; null for none.</param>
    /// <param name="cancellationToken">Stops the run early; the files written so far are closed properly.</param>
    public static async Task<FileGenerationResult> RunAsync(FileGenerationOptions options, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Events is null && options.Duration is null)
        {
            throw new ArgumentException("Give an event count, a duration, or both.", nameof(options));
        }

        if (options.Generator.AllowNotAvro)
        {
            throw new ArgumentException("An Avro container file holds only Avro records: not-Avro defects are for Kafka runs.", nameof(options));
        }

        var generator = new SalesEventGenerator(options.Generator);
        var stopwatch = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Duration is { } duration)
        {
            deadline.CancelAfter(duration);
        }

        var containerOptions = new AvroContainerWriterOptions { SyncMarker = SyncMarkerFor(options.Generator.Seed) };
        long dirty = 0;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
        await using (var file = new FileStream(options.OutputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20))
        using (var container = new AvroContainerWriter(file, SalesEventSchema.Json, options.Codec, containerOptions))
        using (var labels = LabelWriter.Create(options.LabelsPath))
        {
            var pacer = new RatePacer(options.Rate);
            var record = new GeneratedRecord();
            var encoded = new ArrayBufferWriter<byte>(1024);
            var nextProgress = options.ProgressInterval;
            var remaining = options.Events ?? long.MaxValue;
            while (remaining > 0 && !deadline.IsCancellationRequested)
            {
                int batch;
                try
                {
                    batch = await pacer.NextBatchAsync((int)Math.Min(remaining, BatchSize), deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                for (var i = 0; i < batch; i++)
                {
                    generator.Next(record);
                    encoded.ResetWrittenCount();
                    SalesEventCodec.Write(record.Event, encoded);
                    container.Append(encoded.WrittenSpan);
                    if (record.IsDirty)
                    {
                        labels.Write(record, encoded.WrittenSpan);
                        dirty++;
                    }
                }

                remaining -= batch;
                if (progress is not null && stopwatch.Elapsed >= nextProgress)
                {
                    nextProgress = stopwatch.Elapsed + options.ProgressInterval;
                    await progress.WriteLineAsync(ProgressLine(generator.Generated, dirty, stopwatch.Elapsed));
                }
            }
        }

        stopwatch.Stop();
        return new FileGenerationResult(generator.Generated, dirty, new FileInfo(options.OutputPath).Length, stopwatch.Elapsed);
    }

    /// <summary>The file's sync marker, from the seed: the same seed gives the same file byte for byte.</summary>
    internal static byte[] SyncMarkerFor(long seed)
    {
        var random = DeterministicRandom.Derive(unchecked((ulong)seed), 3);
        var marker = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(marker, random.NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(marker.AsSpan(8), random.NextUInt64());
        return marker;
    }

    private static string ProgressLine(long records, long dirty, TimeSpan elapsed) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"generate: {records:N0} events, {dirty:N0} dirty, {records / Math.Max(elapsed.TotalSeconds, 1e-9):N0} events/s, {elapsed.TotalSeconds:F0}s");
}
