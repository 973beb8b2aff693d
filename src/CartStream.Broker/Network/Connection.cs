using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using CartStream.Broker.Handlers;
using CartStream.Broker.Protocol;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker.Network;

/// <summary>
/// One client connection: reads size-prefixed requests one after another and answers each in order, as the
/// protocol requires. A frame that breaks the protocol closes only this connection.
/// </summary>
internal sealed class Connection(Socket socket, RequestHandler handler, BrokerOptions options, ILogger logger)
{
    private readonly EndPoint? _remote = socket.RemoteEndPoint;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reason = "client closed";
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var sizeBuffer = new byte[4];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!await ReadFullyAsync(stream, sizeBuffer, cancellationToken))
                {
                    break;
                }

                var size = BinaryPrimitives.ReadInt32BigEndian(sizeBuffer);
                if (size < RequestHeader.MinimumSize || size > options.MaxRequestBytes)
                {
                    reason = $"request size {size} outside 10..{options.MaxRequestBytes}";
                    break;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(size);
                try
                {
                    if (!await ReadFullyAsync(stream, buffer.AsMemory(0, size), cancellationToken))
                    {
                        reason = "connection closed inside a request";
                        break;
                    }

                    using var response = await handler.HandleAsync(buffer.AsMemory(0, size), _remote, cancellationToken);
                    if (response is not null)
                    {
                        await stream.WriteAsync(response.Complete(), cancellationToken);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (MalformedRequestException e)
        {
            reason = e.Message;
        }
        catch (UnsupportedRequestException e)
        {
            reason = e.Message;
        }
        catch (OperationCanceledException)
        {
            reason = "broker stopping";
        }
        catch (IOException e)
        {
            reason = e.Message;
        }
        catch (SocketException e)
        {
            reason = e.Message;
        }

        Log.ConnectionClosed(logger, _remote, reason);
    }

    private static async ValueTask<bool> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
