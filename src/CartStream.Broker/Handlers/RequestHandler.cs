using System.Net;
using System.Runtime.InteropServices;
using CartStream.Broker.Groups;
using CartStream.Broker.Protocol;
using CartStream.Broker.Storage;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker.Handlers;

/// <summary>
/// Decodes one request, runs it against the topic store or the group coordinator, and encodes the answer.
/// One partial file per family of APIs.
/// </summary>
internal sealed partial class RequestHandler(
    TopicStore topics,
    GroupCoordinator groups,
    ProducerIdAllocator producerIds,
    BrokerOptions options,
    Func<(string Host, int Port)> advertised,
    ILogger logger)
{
    /// <summary>The broker's node id: a single node, always 0.</summary>
    private const int NodeId = 0;

    /// <summary>
    /// Answers one request frame (without its size prefix). Returns null when no answer is due (acks=0).
    /// Throws <see cref="MalformedRequestException"/> or <see cref="UnsupportedRequestException"/> to close the connection.
    /// </summary>
    public async ValueTask<KafkaWriter?> HandleAsync(Memory<byte> frame, EndPoint? remote, CancellationToken cancellationToken)
    {
        var reader = new KafkaReader(frame);
        var header = RequestHeader.Read(reader);
        if (header.ApiKey == (short)ApiKey.ApiVersions && !ApiVersionTable.IsSupported(header.ApiKey, header.ApiVersion))
        {
            // The protocol's rule: an ApiVersions version the broker does not know gets a v0 answer with
            // UNSUPPORTED_VERSION and the supported ranges, so the client can retry with one it knows.
            return ApiVersions(header, reader, ErrorCode.UnsupportedVersion);
        }

        if (!ApiVersionTable.IsSupported(header.ApiKey, header.ApiVersion))
        {
            throw new UnsupportedRequestException(header.ApiKey, header.ApiVersion);
        }

        var writer = new KafkaWriter();
        writer.WriteInt32(header.CorrelationId);
        try
        {
            var respond = true;
            var version = header.ApiVersion;
            switch ((ApiKey)header.ApiKey)
            {
                case ApiKey.ApiVersions:
                    writer.Dispose();
                    return ApiVersions(header, reader, ErrorCode.None);
                case ApiKey.Metadata:
                    Metadata(reader, version, writer);
                    break;
                case ApiKey.Produce:
                    respond = Produce(reader, version, writer);
                    break;
                case ApiKey.Fetch:
                    writer.Dispose();
                    return Fetch(header, reader, cancellationToken);
                case ApiKey.ListOffsets:
                    ListOffsets(reader, version, writer);
                    break;
                case ApiKey.CreateTopics:
                    CreateTopics(reader, version, writer);
                    break;
                case ApiKey.DeleteTopics:
                    DeleteTopics(reader, version, writer);
                    break;
                case ApiKey.InitProducerId:
                    InitProducerId(reader, writer);
                    break;
                case ApiKey.FindCoordinator:
                    FindCoordinator(reader, version, writer);
                    break;
                case ApiKey.JoinGroup:
                    await JoinGroupAsync(reader, version, writer, header.ClientId, remote, cancellationToken);
                    break;
                case ApiKey.SyncGroup:
                    await SyncGroupAsync(reader, version, writer, cancellationToken);
                    break;
                case ApiKey.Heartbeat:
                    Heartbeat(reader, version, writer);
                    break;
                case ApiKey.LeaveGroup:
                    LeaveGroup(reader, version, writer);
                    break;
                case ApiKey.OffsetCommit:
                    OffsetCommit(reader, version, writer);
                    break;
                case ApiKey.OffsetFetch:
                    OffsetFetch(reader, version, writer);
                    break;
                case ApiKey.DescribeGroups:
                    DescribeGroups(reader, version, writer);
                    break;
                case ApiKey.ListGroups:
                    ListGroups(version, writer);
                    break;
                default:
                    throw new UnsupportedRequestException(header.ApiKey, header.ApiVersion);
            }

            if (!respond)
            {
                writer.Dispose();
                return null;
            }

            return writer;
        }
        catch (Exception e) when (e is not MalformedRequestException and not UnsupportedRequestException and not OperationCanceledException)
        {
            writer.Dispose();
            Log.RequestFailed(logger, e, header.ApiKey, header.ApiVersion, remote);
            throw new MalformedRequestException($"Request failed: {e.Message}");
        }
    }

    private static KafkaWriter ApiVersions(RequestHeader header, KafkaReader reader, short error)
    {
        var flexible = error == ErrorCode.None && header.ApiVersion >= 3;
        if (flexible)
        {
            reader.ReadCompactNullableString();
            reader.ReadCompactNullableString();
            reader.SkipTaggedFields();
        }

        // ApiVersions answers always use response header v0, even when the body is flexible.
        var writer = new KafkaWriter();
        writer.WriteInt32(header.CorrelationId);
        writer.WriteInt16(error);
        if (flexible)
        {
            writer.WriteUnsignedVarInt((uint)ApiVersionTable.Supported.Count + 1);
        }
        else
        {
            writer.WriteInt32(ApiVersionTable.Supported.Count);
        }

        foreach (var (key, min, max) in ApiVersionTable.Supported)
        {
            writer.WriteInt16((short)key);
            writer.WriteInt16(min);
            writer.WriteInt16(max);
            if (flexible)
            {
                writer.WriteEmptyTaggedFields();
            }
        }

        if (error == ErrorCode.None && header.ApiVersion >= 1)
        {
            writer.WriteInt32(0);
        }

        if (flexible)
        {
            writer.WriteEmptyTaggedFields();
        }

        return writer;
    }

    private void Metadata(KafkaReader reader, short version, KafkaWriter writer)
    {
        List<string>? requested = version == 0
            ? reader.ReadArray(r => r.ReadString(), 2) is { Count: > 0 } list ? list : null
            : reader.ReadNullableArray(r => r.ReadString(), 2);
        var allowAutoCreate = version < 4 || reader.ReadBool();
        if (version >= 8)
        {
            reader.ReadBool();
            reader.ReadBool();
        }

        var (host, port) = advertised();
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt32(1);
        writer.WriteInt32(NodeId);
        writer.WriteString(host);
        writer.WriteInt32(port);
        if (version >= 1)
        {
            writer.WriteNullableString(null);
        }

        if (version >= 2)
        {
            writer.WriteNullableString("cartstream");
        }

        if (version >= 1)
        {
            writer.WriteInt32(NodeId);
        }

        var names = requested ?? [.. topics.Topics.Select(t => t.Key).Order(StringComparer.Ordinal)];
        writer.WriteInt32(names.Count);
        foreach (var name in names)
        {
            var logs = allowAutoCreate ? topics.GetOrAutoCreate(name) : topics.Get(name);
            var error = logs is not null ? ErrorCode.None
                : TopicStore.IsValidName(name) ? ErrorCode.UnknownTopicOrPartition : ErrorCode.InvalidTopic;
            writer.WriteInt16(error);
            writer.WriteString(name);
            if (version >= 1)
            {
                writer.WriteBool(false);
            }

            writer.WriteInt32(logs?.Length ?? 0);
            for (var p = 0; p < (logs?.Length ?? 0); p++)
            {
                writer.WriteInt16(ErrorCode.None);
                writer.WriteInt32(p);
                writer.WriteInt32(NodeId);
                if (version >= 7)
                {
                    writer.WriteInt32(-1);
                }

                writer.WriteInt32(1);
                writer.WriteInt32(NodeId);
                writer.WriteInt32(1);
                writer.WriteInt32(NodeId);
                if (version >= 5)
                {
                    writer.WriteInt32(0);
                }
            }

            if (version >= 8)
            {
                writer.WriteInt32(int.MinValue);
            }
        }

        if (version >= 8)
        {
            writer.WriteInt32(int.MinValue);
        }
    }

    /// <summary>Produce rewrites base offsets in place: the slice aliases the connection's own request buffer.</summary>
    private static Memory<byte> Writable(ReadOnlyMemory<byte> slice) => MemoryMarshal.AsMemory(slice);
}
