namespace CartStream.Lake.Sink;

/// <summary>Where the sink announces the files it published.</summary>
/// <remarks>
/// Announcements are a trigger, not the record, and come at least once: the sink announces a file after its state
/// record is written, and announces the last recorded batch of a partition again whenever it is assigned the
/// partition, which covers a crash between the two. A reader may therefore see a file twice and must skip files it
/// has processed (the transform keeps a done marker per file).
/// </remarks>
public interface IFileLandedNotifier
{
    /// <summary>Announces one published file.</summary>
    ValueTask NotifyAsync(FileLanded file, CancellationToken cancellationToken);
}
