namespace CartStream.Warehouse.Loading;

/// <summary>A lake file the warehouse cannot read (corrupt bytes, another schema, missing): its batch is quarantined.</summary>
public sealed class BadLakeFileException : Exception
{
    /// <summary>The file named in the message.</summary>
    public BadLakeFileException(string fileKey, string reason, Exception? innerException = null)
        : base($"{fileKey}: {reason}", innerException)
    {
        FileKey = fileKey;
        Reason = reason;
    }

    /// <summary>An exception without a file (serialisation and tooling only).</summary>
    public BadLakeFileException()
        : this("(unknown file)", "unreadable")
    {
    }

    /// <summary>An exception without a file (serialisation and tooling only).</summary>
    public BadLakeFileException(string message)
        : this("(unknown file)", message)
    {
    }

    /// <summary>An exception without a file (serialisation and tooling only).</summary>
    public BadLakeFileException(string message, Exception innerException)
        : this("(unknown file)", message, innerException)
    {
    }

    /// <summary>The lake key of the file.</summary>
    public string FileKey { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
