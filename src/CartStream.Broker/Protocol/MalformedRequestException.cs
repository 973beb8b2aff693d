namespace CartStream.Broker.Protocol;

/// <summary>A request that does not follow the protocol's layout: the connection that sent it is closed.</summary>
internal sealed class MalformedRequestException(string message) : Exception(message);
