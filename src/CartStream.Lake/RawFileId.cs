namespace CartStream.Lake;

/// <summary>
/// What names a raw file: the Kafka topic, partition and the offset of its first record. The same three always
/// give the same name, so a sink that restarts rewrites a file rather than adding a second one.
/// </summary>
/// <param name="Topic">The topic the file's records came from (<c>&lt;topic&gt;-dlq</c> for dead letters).</param>
/// <param name="Partition">The Kafka partition.</param>
/// <param name="StartOffset">The offset of the file's first record.</param>
public readonly record struct RawFileId(string Topic, int Partition, long StartOffset)
{
    /// <summary>True for a dead-letter file (<c>&lt;topic&gt;-dlq</c>).</summary>
    public bool IsDeadLetter => Topic.EndsWith(LakeLayout.DeadLetterSuffix, StringComparison.Ordinal);

    /// <summary>The topic the records were read from: <see cref="Topic"/> without the dead-letter suffix.</summary>
    public string SourceTopic => IsDeadLetter ? Topic[..^LakeLayout.DeadLetterSuffix.Length] : Topic;

    /// <summary><c>&lt;topic&gt;+&lt;partition&gt;+&lt;start offset, 10-digit zero-padded&gt;.avro</c>.</summary>
    public string FileName => LakeLayout.RawFileName(Topic, Partition, StartOffset);

    /// <summary>The key in the default layout: <c>topics/&lt;topic&gt;/partition=&lt;p&gt;/&lt;file name&gt;</c>.</summary>
    public string ToKey() => LakeLayout.RawFileKey(Topic, Partition, StartOffset);
}
