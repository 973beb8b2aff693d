namespace CartStream.Warehouse;

/// <summary>The warehouse could not be reached or refused a load; <see cref="IsTransient"/> says whether a later try may succeed.</summary>
public sealed class WarehouseException : Exception
{
    /// <summary>An error with its transience.</summary>
    public WarehouseException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>A permanent error.</summary>
    public WarehouseException()
        : this("The warehouse failed.", false)
    {
    }

    /// <summary>A permanent error.</summary>
    public WarehouseException(string message)
        : this(message, false)
    {
    }

    /// <summary>A permanent error.</summary>
    public WarehouseException(string message, Exception innerException)
        : this(message, false, innerException)
    {
    }

    /// <summary>Whether retrying later may succeed (the server was unreachable).</summary>
    public bool IsTransient { get; }
}
