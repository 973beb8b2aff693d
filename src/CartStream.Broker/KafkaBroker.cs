using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using CartStream.Broker.Groups;
using CartStream.Broker.Handlers;
using CartStream.Broker.Network;
using CartStream.Broker.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Broker;

/// <summary>
/// A single-node broker speaking the Kafka wire protocol, with its data in a folder on disk. Start it in-process
/// with <see cref="StartAsync"/> or as its own process with <c>cartstream broker</c>; clients connect with plain
/// <c>bootstrap.servers</c> settings.
/// </summary>
public sealed class KafkaBroker : IAsyncDisposable
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromSeconds(10);

    /// <summary>Group timeouts are checked this often: well inside the 3 s a rebalance may take.</summary>
    private static readonly TimeSpan MaintenanceTick = TimeSpan.FromMilliseconds(100);
    private readonly BrokerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Connection, Thread> _connections = new();
    private TopicStore? _topics;
    private string? _dataDirectory;
    private GroupCoordinator? _groups;
    private Socket? _listener;
    private Thread? _acceptLoop;
    private Thread? _maintenanceLoop;

    /// <summary>Creates a broker; nothing happens until <see cref="StartAsync"/>.</summary>
    public KafkaBroker(BrokerOptions options, ILogger<KafkaBroker>? logger = null)
    {
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The port the broker listens on (the chosen one when <see cref="BrokerOptions.Port"/> is 0).</summary>
    public int Port { get; private set; }

    /// <summary>The value for a client's <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers => $"{AdvertisedHost}:{Port}";

    private string AdvertisedHost => _options.AdvertisedHost ?? _options.Host;

    /// <summary>Recovers the data folder (cutting torn tails), then starts listening.</summary>
    /// <exception cref="ValidationException">An option is out of range; the message names it.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Validator.ValidateObject(_options, new ValidationContext(_options), validateAllProperties: true);
        var dataDirectory = Path.GetFullPath(_options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        _topics = new TopicStore(_options, _logger);
        _topics.Load();
        _groups = new GroupCoordinator(new OffsetStore(dataDirectory, _options.FlushEveryBatch), _options, _logger);
        var producerIds = new ProducerIdAllocator(dataDirectory);
        var handler = new RequestHandler(_topics, _groups, producerIds, _options, () => (AdvertisedHost, Port), _logger);

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // A restarted broker must get its fixed port back at once, even with the old connections in TIME_WAIT.
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(new IPEndPoint(IPAddress.Parse(_options.Host), _options.Port));
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = new Thread(() => Accept(handler, _stopping.Token)) { IsBackground = true, Name = "broker-accept" };
        _maintenanceLoop = new Thread(() => Maintain(_stopping.Token)) { IsBackground = true, Name = "broker-maintenance" };
        _acceptLoop.Start();
        _maintenanceLoop.Start();
        Log.Started(_logger, _options.Host, Port, dataDirectory);
        _dataDirectory = dataDirectory;
        BrokerMetrics.Track(dataDirectory, _topics);
        return Task.CompletedTask;
    }

    private void Accept(RequestHandler handler, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = _listener!.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                continue;
            }

            socket.NoDelay = true;
            var connection = new Connection(socket, handler, _options, _logger);
            var thread = new Thread(() =>
            {
                connection.Run(cancellationToken);
                _connections.TryRemove(connection, out _);
            })
            { IsBackground = true, Name = "broker-connection" };
            _connections[connection] = thread;
            thread.Start();
        }
    }

    private void Maintain(CancellationToken cancellationToken)
    {
        var nextFlush = Environment.TickCount64 + _options.FlushIntervalMs;
        var nextRetention = Environment.TickCount64 + (long)RetentionInterval.TotalMilliseconds;
        while (!cancellationToken.WaitHandle.WaitOne(MaintenanceTick))
        {
            try
            {
                _groups!.Tick();
                var now = Environment.TickCount64;
                var flush = !_options.FlushEveryBatch && now >= nextFlush;
                var retention = now >= nextRetention;
                if (flush || retention)
                {
                    _topics!.Maintain(flush, retention);
                    if (flush)
                    {
                        _groups.Offsets.Flush();
                        nextFlush = now + _options.FlushIntervalMs;
                    }

                    if (retention)
                    {
                        nextRetention = now + (long)RetentionInterval.TotalMilliseconds;
                    }
                }
            }
            catch (Exception e)
            {
                // Logged and retried on the next tick: a thread fault would end the whole process.
                Log.BackgroundFailed(_logger, e, "maintenance");
            }
        }
    }

    /// <summary>Stops listening, closes every connection and flushes and closes every file.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_dataDirectory is not null)
        {
            BrokerMetrics.Untrack(_dataDirectory);
        }

        _listener?.Dispose();
        foreach (var connection in _connections.Keys)
        {
            // Unblocks the connection's thread from its receive call.
            connection.Socket.Dispose();
        }

        var threads = _connections.Values.Append(_acceptLoop).Append(_maintenanceLoop).OfType<Thread>().ToList();
        await Task.Run(() => threads.ForEach(t => t.Join(TimeSpan.FromSeconds(10))));
        _topics?.Dispose();
        _groups?.Dispose();
        Log.Stopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }
}
