using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CartStream.Broker.Handlers;
using CartStream.Broker.Protocol;
using Microsoft.Extensions.Logging;

namespace CartStream.Broker.Network;

/// <summary>
/// One client connection on its own thread with blocking socket calls: reads size-prefixed requests one after
/// another and answers each in order, as the protocol requires. A broker serves a handful of clients, and
/// blocking threads cost no CPU while they wait, where async hops through the thread pool made its workers
/// spin on every request. A frame that breaks the protocol closes only this connection.
/// </summary>
internal sealed class Connection(Socket socket, RequestHandler handler, BrokerOptions options, ILogger logger)
{
    private const int ReceiveBufferSize = 64 * 1024;
    private readonly EndPoint? _remote = socket.RemoteEndPoint;
    private readonly byte[] _receive = new byte[ReceiveBufferSize];
    private int _start;
    private int _end;

    public Socket Socket => socket;

    public void Run(CancellationToken cancellationToken)
    {
        var reason = "client closed";
        var sizeBuffer = new byte[4];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!ReadFully(sizeBuffer))
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
                    if (!ReadFully(buffer.AsSpan(0, size)))
                    {
                        reason = "connection closed inside a request";
                        break;
                    }

                    var started = Stopwatch.GetTimestamp();
                    var pending = handler.HandleAsync(buffer.AsMemory(0, size), _remote, cancellationToken);
                    using var response = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
                    var sent = 0;
                    if (response is not null)
                    {
                        var frame = response.Complete().Span;
                        Send(frame);
                        sent = frame.Length;
                    }

                    BrokerMetrics.OnRequest(BinaryPrimitives.ReadInt16BigEndian(buffer), 4 + size, sent, Stopwatch.GetElapsedTime(started));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e) when (e is MalformedRequestException or UnsupportedRequestException or IOException
            or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = e.Message;
        }
        catch (Exception e)
        {
            // A fault in one connection must never take the broker (and every other client) down with it.
            Log.ConnectionFailed(logger, e, _remote);
            reason = "unexpected error";
        }
        finally
        {
            socket.Dispose();
        }

        Log.ConnectionClosed(logger, _remote, reason);
    }

    private void Send(ReadOnlySpan<byte> frame)
    {
        while (frame.Length > 0)
        {
            frame = frame[socket.Send(frame)..];
        }
    }

    /// <summary>Fills <paramref name="destination"/>; false when the peer closed first.</summary>
    private bool ReadFully(Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            if (_start < _end)
            {
                var n = Math.Min(_end - _start, destination.Length);
                _receive.AsSpan(_start, n).CopyTo(destination);
                _start += n;
                destination = destination[n..];
                continue;
            }

            // Large bodies go straight into their buffer; small frames share one receive call.
            var received = destination.Length >= ReceiveBufferSize
                ? socket.Receive(destination)
                : socket.Receive(_receive);
            if (received == 0)
            {
                return false;
            }

            if (destination.Length >= ReceiveBufferSize)
            {
                destination = destination[received..];
            }
            else
            {
                _start = 0;
                _end = received;
            }
        }

        return true;
    }
}
