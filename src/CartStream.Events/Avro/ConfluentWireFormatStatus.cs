namespace CartStream.Events.Avro;

/// <summary>The outcome of reading a Confluent wire-format header.</summary>
public enum ConfluentWireFormatStatus
{
    /// <summary>A valid header: the schema id and body are set.</summary>
    Ok,

    /// <summary>Fewer than five bytes: there is no room for the magic byte and the schema id.</summary>
    TooShort,

    /// <summary>The first byte is not 0: the message was not written by a Confluent serializer.</summary>
    WrongMagicByte,
}
