using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;
using Npgsql;
using NpgsqlTypes;
using Parquet;

namespace CartStream.Warehouse.Backends;

/// <summary>
/// The PostgreSQL warehouse: each Parquet file is streamed row group by row group into its stage table with a
/// binary COPY, then merged by the same SQL as DuckDB. The session runs in UTC.
/// </summary>
internal sealed class PostgresWarehouse : WarehouseDatabase
{
    private readonly NpgsqlConnection _connection;
    // About a tenth of a million facts per COPY at the lake's usual file sizes: small enough to overlap, few statements.
    private const int FilesPerCopy = 12;

    private readonly WarehouseOptions _options;

    private PostgresWarehouse(NpgsqlConnection connection, WarehouseOptions options)
        : base(SqlDialect.Postgres)
    {
        _connection = connection;
        _options = options;
    }

    public override DbConnection Connection => _connection;

    public static async Task<PostgresWarehouse> OpenAsync(WarehouseOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new WarehouseException("Warehouse:PostgresConnectionString is not set (or pass --connection-string).");
        }

        var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { Timezone = "UTC" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A load's stage and temp tables hold a whole transaction's rows (hundreds of MB): with PostgreSQL's
            // defaults (8MB of temp buffers, 4MB per sort or hash) every pass over them spilled to temp files.
            // temp_buffers only takes effect before the session's first temp table, so it is set here.
            await using (var command = new NpgsqlCommand("SET temp_buffers = '256MB'; SET work_mem = '64MB'", connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new PostgresWarehouse(connection, options);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connection refused, reset or timed out, or a server shutting down: worth a retry.</summary>
    public static bool IsUnreachable(Exception error) =>
        error is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
        || error.InnerException is SocketException or TimeoutException;

    public override bool IsTransient(Exception error) => IsUnreachable(error);

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();

    protected override IEnumerable<string> MergeStatements() =>
        _options.PostgresUsesRedshiftMerge ? Redshift.RedshiftMergeSql.Merge(Dialect) : base.MergeStatements();

    protected override bool MergesByMergeSql => !_options.PostgresUsesRedshiftMerge;

    /// <summary>
    /// Stages each table's files with one CSV COPY: DuckDB reads the Parquet files (columnar, in parallel) into a
    /// CSV file, which is streamed to the server as it is. Any file DuckDB cannot read sends the caller to
    /// <see cref="StageAsync"/>, file by file, which names it.
    /// </summary>
    protected override async Task<Dictionary<string, long>?> StageAllAsync(IReadOnlyList<LakeFile> files, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            return rows;
        }

        var indexOf = files.Select((f, i) => (f.Key, i)).ToDictionary(f => f.Key, f => f.i, StringComparer.Ordinal);
        var folder = Path.Combine(_options.StagingDirectory ?? Path.GetTempPath(), $"cartstream-copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        // Chunks of one table's files: while the server parses one chunk's CSV, DuckDB writes the next.
        var chunks = files.GroupBy(f => f.Table.Name, StringComparer.Ordinal).SelectMany(t => t.Chunk(FilesPerCopy)).ToList();
        var export = new ParquetCsvExport(_options);
        Task<(Dictionary<string, long>? Rows, string Csv, double Milliseconds)>? next = null;
        try
        {
            next = ExportAsync(export, chunks[0], indexOf, Path.Combine(folder, "0.csv"), cancellationToken);
            for (var i = 0; i < chunks.Count; i++)
            {
                var (chunkRows, csv, exported) = await next!;
                next = i + 1 < chunks.Count ? ExportAsync(export, chunks[i + 1], indexOf, Path.Combine(folder, $"{i + 1}.csv"), cancellationToken) : null;
                if (chunkRows is null)
                {
                    return null;
                }

                var table = chunks[i][0].Table.Name;
                Log.LoadStep(Logger, table, "stage: Parquet to CSV", exported);
                var clock = Stopwatch.StartNew();
                var stage = MergeSql.StageOf(chunks[i][0].Table);
                await using (var writer = await _connection.BeginTextImportAsync($"COPY {stage.Name} ({stage.ColumnList}, stage_file) FROM STDIN (FORMAT csv)", cancellationToken))
                using (var reader = new StreamReader(csv))
                {
                    var buffer = new char[1 << 16];
                    int read;
                    while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }

                Log.LoadStep(Logger, table, "stage: COPY the CSV", clock.Elapsed.TotalMilliseconds);
                File.Delete(csv);
                foreach (var (key, count) in chunkRows)
                {
                    rows[key] = count;
                }
            }

            return rows;
        }
        finally
        {
            // The export still running (an error or a bad file stopped the loop) must end before its connection is closed.
            if (next is not null)
            {
                await Task.WhenAny(next);
            }

            export.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<(Dictionary<string, long>? Rows, string Csv, double Milliseconds)> ExportAsync(
        ParquetCsvExport export, LakeFile[] chunk, Dictionary<string, int> indexOf, string csv, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var clock = Stopwatch.StartNew();
                var rows = export.Export(chunk, indexOf, csv);
                return (rows, csv, clock.Elapsed.TotalMilliseconds);
            },
            cancellationToken);

    protected override async Task<long> StageAsync(LakeFile file, int index, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var stage = MergeSql.StageOf(file.Table);
        var eventDate = stage.Columns.Count > file.Table.Columns.Count
            ? LakeTables.EventDateOf(file.Key) ?? throw new BadLakeFileException(file.Key, "a rejected file outside an event_date=YYYY-MM-DD folder")
            : (DateOnly?)null;

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(file.LocalPath, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BadLakeFileException(file.Key, $"not a readable Parquet file ({e.Message})", e);
        }

        await using (reader)
        {
            var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            var missing = file.Table.Columns.Where(c => !fields.ContainsKey(c.Name)).Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                throw new BadLakeFileException(file.Key, $"not a {file.Table.Name} file: no column {string.Join(", ", missing)}");
            }

            var columns = file.Table.Columns.Select(c => ParquetColumn.For(c, fields[c.Name])).ToList();
            var target = (eventDate is null ? file.Table.ColumnList : file.Table.ColumnList + ", event_date") + ", stage_file";
            long rows = 0;
            await using var importer = await _connection.BeginBinaryImportAsync($"COPY {stage.Name} ({target}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var rowGroup = reader.OpenRowGroupReader(g);
                var count = checked((int)rowGroup.RowCount);
                try
                {
                    foreach (var column in columns)
                    {
                        await column.ReadAsync(rowGroup, count, cancellationToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException and not NpgsqlException)
                {
                    throw new BadLakeFileException(file.Key, $"not a readable {file.Table.Name} Parquet file ({e.Message})", e);
                }

                for (var row = 0; row < count; row++)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in columns)
                    {
                        column.Write(importer, row);
                    }

                    if (eventDate is { } date)
                    {
                        importer.Write(date, NpgsqlDbType.Date);
                    }

                    importer.Write(index, NpgsqlDbType.Integer);
                }

                rows += count;
            }

            await importer.CompleteAsync(cancellationToken);
            return rows;
        }
    }
}
