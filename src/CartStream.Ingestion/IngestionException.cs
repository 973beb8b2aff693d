namespace CartStream.Ingestion;

/// <summary>A failure at the boundary between the producer and Kafka or the schema registry.</summary>
public sealed class IngestionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IngestionException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>Whether trying again later may succeed (a broker restarting) rather than never (bad settings).</summary>
    public bool IsTransient { get; }
}
