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

    /// <summary>
    /// Copies <paramref name="file"/> into its stage table, its rows' <c>stage_file</c> set to <paramref name="index"/>,
    /// and returns the rows read; a file that cannot be read throws <see cref="BadLakeFileException"/>.
    /// </summary>
    protected abstract Task<long> StageAsync(LakeFile file, int index, DbTransaction transaction, CancellationToken cancellationToken);

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

    /// <summary>
    /// Loads the unit in one transaction: every file staged, merged, and recorded in the manifest, or nothing.
    /// Returns the new facts and rejected rows of each batch, in the unit's order.
    /// </summary>
    public async Task<IReadOnlyList<(long Facts, long Rejected)>> LoadAsync(LoadUnit unit, CancellationToken cancellationToken)
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

            Log.LoadStep(Logger, unit.Name, $"stage {unit.Files.Count} file(s)", clock.Elapsed.TotalMilliseconds);
            return await MergeAsync(unit, rows, transaction, cancellationToken);
        }
    }

    /// <summary>
    /// Stages every file, as few statements as the backend can; null when some file could not be read (the
    /// transaction is then unusable), so that the caller stages them one by one to find it. A file's rows carry
    /// its index in <paramref name="files"/> as <c>stage_file</c>.
    /// </summary>
    protected virtual Task<Dictionary<string, long>?> StageAllAsync(IReadOnlyList<LakeFile> files, DbTransaction transaction, CancellationToken cancellationToken) =>
        StageOneByOneAsync(files, transaction, cancellationToken);

    private async Task<Dictionary<string, long>?> StageOneByOneAsync(IReadOnlyList<LakeFile> files, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            rows[files[i].Key] = await StageAsync(files[i], i, transaction, cancellationToken);
        }

        return rows;
    }

    private async Task<IReadOnlyList<(long Facts, long Rejected)>> MergeAsync(LoadUnit unit, Dictionary<string, long> rows, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var statement in MergeStatements())
        {
            clock.Restart();
            await ExecuteAsync(statement, transaction, cancellationToken);
            Log.LoadStep(Logger, unit.Name, StepName(statement), clock.Elapsed.TotalMilliseconds);
        }

        clock.Restart();
        var counts = await CountAsync(unit, transaction, cancellationToken);
        var entries = new List<(string Key, string ETag, long Size, string Table, long Rows, string BatchId)>();
        foreach (var batch in unit.Batches)
        {
            entries.AddRange(batch.Files.Select(f => (f.Key, f.ETag, f.Size, f.Table.Name, rows[f.Key], batch.BatchId)));
            if (batch.BatchETag.Length > 0)
            {
                entries.Add((batch.BatchKey, batch.BatchETag, batch.BatchSize, "quality", 0, batch.BatchId));
            }
        }

        await RecordAsync(entries, transaction, cancellationToken);
        Log.LoadStep(Logger, unit.Name, "count and record the manifest", clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        await transaction.CommitAsync(cancellationToken);
        Log.LoadStep(Logger, unit.Name, "commit", clock.Elapsed.TotalMilliseconds);
        return counts;
    }

    // New facts and rejected rows per batch: new_line holds one row per new fact, new_rejected one per new rejected
    // row; each row's stage_file says which file, so which batch, it came from.
    private async Task<IReadOnlyList<(long Facts, long Rejected)>> CountAsync(LoadUnit unit, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (unit.Batches.Count == 1)
        {
            return [(await ScalarAsync("SELECT count(*) FROM new_line", transaction, cancellationToken),
                     await ScalarAsync("SELECT count(*) FROM new_rejected", transaction, cancellationToken))];
        }

        var batchOfFile = unit.Batches.SelectMany((b, i) => b.Files.Select(_ => i)).ToArray();
        var counts = new (long Facts, long Rejected)[unit.Batches.Count];
        await using var command = Command(
            """
            SELECT 0, stage_file, count(*) FROM new_line GROUP BY stage_file
            UNION ALL
            SELECT 1, stage_file, count(*) FROM new_rejected GROUP BY stage_file
            """,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var batch = batchOfFile[Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)];
            var count = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            counts[batch] = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) == 0
                ? (counts[batch].Facts + count, counts[batch].Rejected)
                : (counts[batch].Facts, counts[batch].Rejected + count);
        }

        return counts;
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
        IReadOnlyList<(string Key, string ETag, long Size, string Table, long Rows, string BatchId)> entries, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var p = Dialect.Parameter;
        var values = new List<string>();
        var parameters = new List<(string, object?)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, etag, size, table, rows, batchId) = entries[i];
            values.Add($"({p($"k{i}")}, {p($"e{i}")}, {p($"s{i}")}, {p($"t{i}")}, {p($"r{i}")}, {p($"b{i}")}, now())");
            parameters.AddRange([($"k{i}", key), ($"e{i}", etag), ($"s{i}", size), ($"t{i}", table), ($"r{i}", rows), ($"b{i}", batchId)]);
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
