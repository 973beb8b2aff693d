using System.ComponentModel.DataAnnotations;
using System.Net;
using CartStream.Registry.Api;
using CartStream.Registry.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Registry;

/// <summary>
/// The embedded schema registry: a Kestrel server speaking the client-facing part of the Confluent Schema
/// Registry REST API, with its state under <see cref="SchemaRegistryOptions.StorageDirectory"/>. Start it
/// in-process and point any Confluent client at <see cref="Url"/>.
/// </summary>
public sealed class SchemaRegistryServer : IAsyncDisposable
{
    private readonly SchemaRegistryOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private WebApplication? _app;
    private SchemaStore? _store;
    private Uri? _url;

    /// <summary>Prepares a server; nothing listens or touches the disk until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ValidationException">An option is out of range; the message names it.</exception>
    public SchemaRegistryServer(SchemaRegistryOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SchemaRegistryServer>();
    }

    /// <summary>The base URL clients use (<c>http://127.0.0.1:PORT/</c>), with the real port when 0 was asked for.</summary>
    /// <exception cref="InvalidOperationException">The server has not been started.</exception>
    public Uri Url => _url ?? throw new InvalidOperationException("The schema registry has not been started.");

    /// <summary>Replays the stored log and starts listening.</summary>
    /// <exception cref="IOException">The storage folder cannot be opened, or another registry holds it.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The schema registry is already started.");
        }

        var store = new SchemaStore(_options.StorageDirectory, _options.DefaultCompatibility, _loggerFactory.CreateLogger<SchemaStore>());
        try
        {
            var app = Build(store);
            await app.StartAsync(cancellationToken);
            _app = app;
            _store = store;
        }
        catch
        {
            store.Dispose();
            throw;
        }

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _url = new Uri(address.EndsWith('/') ? address : address + "/");
        Log.Listening(_logger, _url.ToString(), Path.GetFullPath(_options.StorageDirectory));
    }

    /// <summary>Stops listening (finishing requests in flight) and closes the storage.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return;
        }

        await _app.StopAsync(cancellationToken);
        await _app.DisposeAsync();
        _store?.Dispose();
        _app = null;
        _store = null;
        _url = null;
        Log.Stopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private WebApplication Build(SchemaStore store)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SchemaRegistryServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(_options.Host), _options.Port);
        });

        var app = builder.Build();
        app.UseRegistryErrors(_loggerFactory.CreateLogger("CartStream.Registry.Api"));
        app.MapRegistryApi();
        return app;
    }
}
