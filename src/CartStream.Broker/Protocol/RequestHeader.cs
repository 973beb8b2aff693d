namespace CartStream.Broker.Protocol;

/// <summary>The header every request starts with (v1, or v2 with tagged fields for flexible versions).</summary>
/// <param name="ApiKey">Which request this is.</param>
/// <param name="ApiVersion">The version the client chose from our ApiVersions answer.</param>
/// <param name="CorrelationId">Echoed in the response so the client can match it.</param>
/// <param name="ClientId">The client's self-chosen name, if any.</param>
internal readonly record struct RequestHeader(short ApiKey, short ApiVersion, int CorrelationId, string? ClientId)
{
    /// <summary>The smallest possible header: key, version, correlation id, null client id.</summary>
    public const int MinimumSize = 10;

    public static RequestHeader Read(KafkaReader reader)
    {
        var header = new RequestHeader(reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt32(), reader.ReadNullableString());
        if (header.ApiKey == (short)Protocol.ApiKey.ApiVersions && header.ApiVersion >= 3)
        {
            reader.SkipTaggedFields();
        }

        return header;
    }
}
