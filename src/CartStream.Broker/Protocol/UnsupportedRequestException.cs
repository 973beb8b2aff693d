namespace CartStream.Broker.Protocol;

/// <summary>
/// An API key or version the broker does not offer (outside its ApiVersions answer): like Kafka, the broker has
/// no response layout to answer in, so it closes the connection.
/// </summary>
internal sealed class UnsupportedRequestException(short apiKey, short version)
    : Exception($"Unsupported API key {apiKey} version {version}.");
