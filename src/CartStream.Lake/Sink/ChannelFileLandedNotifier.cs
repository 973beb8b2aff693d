using System.Threading.Channels;

namespace CartStream.Lake.Sink;

/// <summary>Announces published files on an in-process channel, for the pipeline run as one process.</summary>
public sealed class ChannelFileLandedNotifier : IFileLandedNotifier
{
    private readonly Channel<FileLanded> _channel;

    /// <summary>A channel holding up to <paramref name="capacity"/> unread announcements; when full the sink waits for the reader.</summary>
    public ChannelFileLandedNotifier(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _channel = Channel.CreateBounded<FileLanded>(new BoundedChannelOptions(capacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>What the transform reads.</summary>
    public ChannelReader<FileLanded> Reader => _channel.Reader;

    /// <inheritdoc />
    public ValueTask NotifyAsync(FileLanded file, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(file, cancellationToken);

    /// <summary>Tells the reader no more announcements come.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
