using System.Collections.Concurrent;
using System.Globalization;
using Confluent.SchemaRegistry;

namespace CartStream.Lake.Sink;

/// <summary>
/// Resolves a record's writer schema from the registry by its wire-format id, once per id: registry ids are
/// immutable, so both answers (the schema, or "no such id") are kept for the life of the process.
/// </summary>
public sealed class WriterSchemaResolver : IDisposable
{
    private readonly ISchemaRegistryClient _registry;
    private readonly ConcurrentDictionary<int, Resolved> _cache = new();

    /// <summary>A resolver asking the registry <paramref name="config"/> points at.</summary>
    public WriterSchemaResolver(SchemaRegistryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _registry = new CachedSchemaRegistryClient(config);
    }

    /// <summary>
    /// The schema with <paramref name="id"/>, or null with the reason a record carrying it cannot be landed
    /// (unknown id, or a schema that is not Avro). Throws <see cref="HttpRequestException"/> or
    /// <see cref="SchemaRegistryException"/> when the registry cannot answer now: the caller retries.
    /// </summary>
    public async ValueTask<(WriterSchema? Schema, string? Reason)> ResolveAsync(int id, CancellationToken cancellationToken)
    {
        if (!_cache.TryGetValue(id, out var resolved))
        {
            resolved = await FetchAsync(id, cancellationToken);
            _cache[id] = resolved;
        }

        return (resolved.Schema, resolved.Reason);
    }

    /// <summary>
    /// The answer of an earlier <see cref="ResolveAsync"/> for <paramref name="id"/>, without I/O: the sink's hot
    /// path. False when the id was never resolved.
    /// </summary>
    public bool TryGetCached(int id, out WriterSchema? schema, out string? reason)
    {
        if (_cache.TryGetValue(id, out var resolved))
        {
            (schema, reason) = (resolved.Schema, resolved.Reason);
            return true;
        }

        (schema, reason) = (null, null);
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _registry.Dispose();

    private async Task<Resolved> FetchAsync(int id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var schema = await _registry.GetSchemaAsync(id);
            return schema.SchemaType == SchemaType.Avro
                ? new Resolved(new WriterSchema(id, schema.SchemaString), null)
                : new Resolved(null, string.Create(CultureInfo.InvariantCulture, $"not Avro: schema id {id} is a {schema.SchemaType} schema"));
        }
        catch (SchemaRegistryException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            return new Resolved(null, string.Create(CultureInfo.InvariantCulture, $"unknown schema id {id}: the registry has no such schema"));
        }
    }

    private sealed record Resolved(WriterSchema? Schema, string? Reason);
}
