using System.ComponentModel.DataAnnotations;

namespace CartStream.Warehouse;

/// <summary>Which warehouse to load and how; bound from <c>Warehouse</c>.</summary>
public sealed class WarehouseOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Warehouse";

    /// <summary>DuckDB (embedded, default) or PostgreSQL.</summary>
    public WarehouseBackend Backend { get; set; } = WarehouseBackend.DuckDb;

    /// <summary>The DuckDB database file (the CLI sets <c>&lt;data-dir&gt;/warehouse/cartstream.duckdb</c>).</summary>
    public string? DuckDbPath { get; set; }

    /// <summary>DuckDB's <c>memory_limit</c>: a number and a unit (<c>512MB</c>, <c>2GiB</c>). DuckDB's own default is 80 % of RAM, too much on a shared machine.</summary>
    [RegularExpression(@"^[0-9]{1,6}(\.[0-9]{1,3})?\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "Warehouse:DuckDbMemoryLimit must be a number and a unit such as 1GB or 512MiB.")]
    public string DuckDbMemoryLimit { get; set; } = "1GB";

    /// <summary>DuckDB's worker threads. DuckDB's own default is every core.</summary>
    [Range(1, 256, ErrorMessage = "Warehouse:DuckDbThreads must be between 1 and 256.")]
    public int DuckDbThreads { get; set; } = 2;

    /// <summary>The Npgsql connection string of the PostgreSQL warehouse.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: merge with the Redshift SQL (ROW_NUMBER, DELETE ... USING, INSERT) instead of ON CONFLICT, so the
    /// Redshift flow runs for real against a local server. Same results, slower; for checking the Redshift SQL.
    /// </summary>
    public bool PostgresUsesRedshiftMerge { get; set; }

    /// <summary>Local folder where lake files are copied before loading (DuckDB reads local files only); default: the system temp folder.</summary>
    public string? StagingDirectory { get; set; }

    /// <summary>
    /// Catch-up loads (<c>LoadPendingAsync</c>) put consecutive whole batches into one transaction up to this many
    /// bytes of Parquet (at least one batch): each statement and commit then covers many batches. 0 loads each batch alone.
    /// </summary>
    [Range(0, long.MaxValue, ErrorMessage = "Warehouse:MaxTransactionBytes must be 0 or more.")]
    public long MaxTransactionBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many times an unreachable server is retried before the load fails.</summary>
    [Range(0, 50, ErrorMessage = "Warehouse:MaxRetries must be between 0 and 50.")]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry's wait; each next one doubles, up to <see cref="MaxRetryBackoff"/>.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two retries.</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(10);
}
