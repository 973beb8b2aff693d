using System.Collections.Concurrent;
using CartStream.Lake.Sink;

namespace CartStream.Cli.Pipeline;

/// <summary>
/// Passes the sink's announcements on to the transform, remembering for each raw file the Kafka timestamp of its
/// batch's first record, so the warehouse stage can tell how long its events took to become queryable.
/// </summary>
internal sealed class LandedEventTimes(IFileLandedNotifier next) : IFileLandedNotifier
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _times = new(StringComparer.Ordinal);

    public ValueTask NotifyAsync(FileLanded file, CancellationToken cancellationToken)
    {
        if (file.FirstRecordTime is { } time && !file.IsDeadLetter)
        {
            _times[file.Key] = time;
        }

        return next.NotifyAsync(file, cancellationToken);
    }

    /// <summary>The first record time of <paramref name="key"/>'s batch, forgotten once taken (a file loads once).</summary>
    public DateTimeOffset? Take(string key) => _times.TryRemove(key, out var time) ? time : null;
}
