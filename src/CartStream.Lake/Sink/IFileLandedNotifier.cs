namespace CartStream.Lake.Sink;

/// <summary>Where the sink announces the files it published.</summary>
/// <remarks>
/// Announcements are a trigger, not the record: the sink announces a file after its state record is written, so a
/// crash in between loses that announcement (the file itself is safe). Readers that must see every file also list
/// the lake, as the transform does.
/// </remarks>
public interface IFileLandedNotifier
{
    /// <summary>Announces one published file.</summary>
    ValueTask NotifyAsync(FileLanded file, CancellationToken cancellationToken);
}
