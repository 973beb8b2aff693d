using System.Data.Common;
using System.Diagnostics;
using CartStream.Warehouse.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartStream.Warehouse.Loading;

/// <summary>
/// One warehouse connection and what every backend does the same way: the schema, the manifest, the quarantine
/// and the merge. A backend only says how it opens and how a Parquet file becomes rows of a stage table.
/// </summary>
internal abstract class WarehouseDatabase : IAsyncDisposable
{
    protected WarehouseDatabase(SqlDialect dialect)
    {
        Dialect = dialect;
    }

    public SqlDialect Dialect { get; }

    /// <summary>Where each load step's time is logged (Debug), so a slow batch can be taken apart.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The open connection, its session in UTC.</summary>
    public abstract DbConnection Connection { get; }

    /// <summary>Whether <paramref name="error"/> means the server was unreachable (worth retrying).</summary>
    public virtual bool IsTransient(Exception error) => false;

    /// <summary>Copies <paramref name="file"/> into its stage table and returns the rows read; a file that cannot be read throws <see cref="BadLakeFileException"/>.</summary>
    protected abstract Task<long> StageAsync(LakeFile file, DbTransaction transaction, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>The merge this backend runs after staging.</summary>
    protected virtual IEnumerable<string> MergeStatements() => MergeSql.Merge(Dialect);

    /// <summary>Whether <see cref="MergeStatements"/> is <see cref="MergeSql.Merge"/> (whose <c>new_fact</c> is a view).</summary>
    protected virtual bool MergesByMergeSql => true;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        foreach (var table in WarehouseTables.All)
        {
            await ExecuteAsync(Dialect.CreateTable(table), null, cancellationToken);
        }

        foreach (var index in Dialect.Indexes())
        {
            await ExecuteAsync(index, null, cancellationToken);
        }
    }

    public async Task<Dictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var manifest = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        await using var command = Command("SELECT file_key, etag, size FROM load_manifest", null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            manifest[reader.GetString(0)] = new ManifestEntry(reader.GetString(1), reader.GetInt64(2));
        }

        return manifest;
    }

    public async Task<HashSet<(string Key, string ETag)>> ReadQuarantineAsync(CancellationToken cancellationToken)
    {
        var quarantined = new HashSet<(string, string)>();
        await using var command = Command("SELECT batch_key, batch_etag FROM load_quarantine", null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            quarantined.Add((reader.GetString(0), reader.GetString(1)));
        }

        return quarantined;
    }

    /// <summary>Loads the unit in one transaction: every file staged, merged, and recorded in the manifest, or nothing.</summary>
    public async Task<(long Facts, long Rejected)> LoadAsync(LoadUnit unit, long batchSize, CancellationToken cancellationToken)
    {
        for (var oneByOne = false; ; oneByOne = true)
        {
            await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
            foreach (var statement in MergeSql.CreateStages(Dialect, MergesByMergeSql))
            {
                await ExecuteAsync(statement, transaction, cancellationToken);
            }

            var clock = Stopwatch.StartNew();
            var rows = oneByOne ? await StageOneByOneAsync(unit.Files, transaction, cancellationToken) : await StageAllAsync(unit.Files, transaction, cancellationToken);
            if (rows is null)
            {
                // Read together, some file failed and took the transaction with it: again file by file, which names it.
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            Log.LoadStep(Logger, unit.BatchKey, $"stage {unit.Files.Count} file(s)", clock.Elapsed.TotalMilliseconds);
            return await MergeAsync(unit, batchSize, rows, transaction, cancellationToken);
        }
    }

    /// <summary>
    /// Stages every file, as few statements as the backend can; null when some file could not be read (the
    /// transaction is then unusable), so that the caller stages them one by one to find it.
    /// </summary>
    protected virtual Task<Dictionary<string, long>?> StageAllAsync(IReadOnlyList<LakeFile> files, DbTransaction transaction, CancellationToken cancellationToken) =>
        StageOneByOneAsync(files, transaction, cancellationToken);

    private async Task<Dictionary<string, long>?> StageOneByOneAsync(IReadOnlyList<LakeFile> files, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            rows[file.Key] = await StageAsync(file, transaction, cancellationToken);
        }

        return rows;
    }

    private async Task<(long Facts, long Rejected)> MergeAsync(LoadUnit unit, long batchSize, Dictionary<string, long> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var statement in MergeStatements())
        {
            clock.Restart();
            await ExecuteAsync(statement, transaction, cancellationToken);
            Log.LoadStep(Logger, unit.BatchKey, StepName(statement), clock.Elapsed.TotalMilliseconds);
        }

        clock.Restart();
        // new_line holds one row per new fact (new_fact is a view over the stage on this merge: counted again, a pass).
        var facts = await ScalarAsync("SELECT count(*) FROM new_line", transaction, cancellationToken);
        var rejected = await ScalarAsync("SELECT count(*) FROM new_rejected", transaction, cancellationToken);
        var entries = unit.Files.Select(f => (f.Key, f.ETag, f.Size, Table: f.Table.Name, Rows: rows[f.Key])).ToList();
        if (unit.BatchETag.Length > 0)
        {
            entries.Add((unit.BatchKey, unit.BatchETag, batchSize, "quality", 0));
        }

        await RecordAsync(entries, unit.BatchId, transaction, cancellationToken);
        Log.LoadStep(Logger, unit.BatchKey, "count and record the manifest", clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        await transaction.CommitAsync(cancellationToken);
        Log.LoadStep(Logger, unit.BatchKey, "commit", clock.Elapsed.TotalMilliseconds);
        return (facts, rejected);
    }

    public async Task QuarantineAsync(string batchKey, string batchETag, string? fileKey, string error, CancellationToken cancellationToken)
    {
        var p = Dialect.Parameter;
        await ExecuteAsync(
            $"""
            INSERT INTO load_quarantine (batch_key, batch_etag, file_key, error, quarantined_at)
            VALUES ({p("batch_key")}, {p("batch_etag")}, {p("file_key")}, {p("error")}, now())
            ON CONFLICT (batch_key, batch_etag) DO UPDATE SET file_key = EXCLUDED.file_key, error = EXCLUDED.error, quarantined_at = EXCLUDED.quarantined_at
            """,
            null, cancellationToken, ("batch_key", batchKey), ("batch_etag", batchETag), ("file_key", fileKey), ("error", error));
    }

    public async Task ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, transaction, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public DbCommand Command(string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    // One statement for the batch's manifest rows: DuckDB's ON CONFLICT DO UPDATE costs tens of milliseconds a statement.
    private async Task RecordAsync(
        IReadOnlyList<(string Key, string ETag, long Size, string Table, long Rows)> entries, string batchId, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var p = Dialect.Parameter;
        var values = new List<string>();
        var parameters = new List<(string, object?)> { ("batch_id", batchId) };
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, etag, size, table, rows) = entries[i];
            values.Add($"({p($"k{i}")}, {p($"e{i}")}, {p($"s{i}")}, {p($"t{i}")}, {p($"r{i}")}, {p("batch_id")}, now())");
            parameters.AddRange([($"k{i}", key), ($"e{i}", etag), ($"s{i}", size), ($"t{i}", table), ($"r{i}", rows)]);
        }

        await ExecuteAsync(
            $"""
            INSERT INTO load_manifest (file_key, etag, size, table_name, rows, batch_id, loaded_at)
            VALUES {string.Join(",\n", values)}
            ON CONFLICT (file_key) DO UPDATE SET etag = EXCLUDED.etag, size = EXCLUDED.size, table_name = EXCLUDED.table_name,
                rows = EXCLUDED.rows, batch_id = EXCLUDED.batch_id, loaded_at = EXCLUDED.loaded_at
            """,
            transaction, cancellationToken, [.. parameters]);
    }

    // The statement's first line, whitespace collapsed: enough to tell the merge's steps apart in a log.
    private static string StepName(string statement)
    {
        var line = statement.AsSpan().TrimStart();
        var end = line.IndexOf('\n');
        var first = (end < 0 ? line : line[..end]).Trim().ToString();
        return first.Length > 90 ? first[..90] : first;
    }
}
