namespace CartStream.Warehouse.Schema;

/// <summary>What differs between the SQL of the warehouses: type names, parameter markers, session settings.</summary>
public abstract class SqlDialect
{
    /// <summary>DuckDB.</summary>
    public static readonly SqlDialect DuckDb = new DuckDbDialect();

    /// <summary>PostgreSQL 15.</summary>
    public static readonly SqlDialect Postgres = new PostgresDialect();

    /// <summary>Amazon Redshift.</summary>
    public static readonly SqlDialect Redshift = new Redshift.RedshiftDialect();

    /// <summary>The dialect's spelling of <paramref name="type"/>.</summary>
    public abstract string TypeName(ColumnType type);

    /// <summary>The marker of the named parameter <paramref name="name"/> in a statement.</summary>
    public abstract string Parameter(string name);

    /// <summary>
    /// Whether rollups are added to with <c>INSERT ... ON CONFLICT DO UPDATE</c> on their declared key; otherwise by
    /// merging into a temp table, <c>DELETE ... USING</c> and <c>INSERT</c>, and the rollups declare no key.
    /// </summary>
    public virtual bool UpsertsRollups => true;

    /// <summary>
    /// Whether the tables whose keys the merge itself keeps unique (<c>fact_sales</c>, <c>fact_order</c>,
    /// <c>customer_first_order</c>, the rollups) declare them; a declared key is an index kept up on every insert.
    /// </summary>
    public virtual bool DeclaresMergeKeys => true;

    private static readonly HashSet<string> MergeKeyed = ["fact_sales", "fact_order", "customer_first_order"];

    /// <summary>The CREATE TABLE statement of <paramref name="table"/>, if it does not exist yet.</summary>
    public virtual string CreateTable(Table table, bool temporary = false)
    {
        var lines = table.Columns.Select(c => $"    {c.Name} {TypeName(c.Type)}{(c.Nullable ? "" : " NOT NULL")}").ToList();
        var rollup = WarehouseTables.Rollups.Any(r => r.Name == table.Name);
        var keyed = (UpsertsRollups || !rollup) && (DeclaresMergeKeys || !(rollup || MergeKeyed.Contains(table.Name)));
        if (!temporary && keyed && table.PrimaryKey.Count > 0)
        {
            lines.Add($"    PRIMARY KEY ({string.Join(", ", table.PrimaryKey)})");
        }

        foreach (var unique in temporary ? [] : table.UniqueKeys ?? [])
        {
            lines.Add($"    UNIQUE ({string.Join(", ", unique)})");
        }

        var create = temporary ? "CREATE TEMP TABLE" : "CREATE TABLE IF NOT EXISTS";
        return $"{create} {table.Name} (\n{string.Join(",\n", lines)}\n){TableSuffix(table)}";
    }

    /// <summary>What follows the column list (Redshift's distribution and sort keys).</summary>
    protected virtual string TableSuffix(Table table) => "";

    /// <summary>The Kafka partition named in a raw file key (<c>topic+partition+offset.avro</c>), or -1.</summary>
    public abstract string PartitionOfSourceFile(string column);

    /// <summary>Further statements after the tables (indexes).</summary>
    public virtual IEnumerable<string> Indexes() => [];

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string TypeName(ColumnType type) => type switch
        {
            ColumnType.Text => "VARCHAR",
            ColumnType.Int => "INTEGER",
            ColumnType.BigInt => "BIGINT",
            ColumnType.Money => "DECIMAL(18,4)",
            ColumnType.Fraction => "DECIMAL(9,4)",
            ColumnType.Rate => "DECIMAL(18,6)",
            // Up to 10^14 USD: a 64-bit decimal, which DuckDB sums and hands to .NET far faster than a 128-bit one.
            ColumnType.Total => "DECIMAL(18,4)",
            ColumnType.TimestampUtc => "TIMESTAMPTZ",
            ColumnType.Date => "DATE",
            ColumnType.Bool => "BOOLEAN",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };

        public override string Parameter(string name) => "$" + name;

        // DuckDB's ON CONFLICT DO UPDATE looked up and rewrote rows one by one (1-2 s per rollup and batch of
        // 200k lines here); a hash join, a delete and an append are vectorised, and no index is kept up.
        public override bool UpsertsRollups => false;

        // DuckDB's primary-key index (an ART) made each batch's insert into fact_sales and the commit that writes the
        // index out the two largest steps of a load, growing with the table; the merge's anti-join on event_id, in
        // the batch's one transaction on DuckDB's single writer, already keeps every id once.
        public override bool DeclaresMergeKeys => false;

        public override string PartitionOfSourceFile(string column) =>
            $"coalesce(TRY_CAST(NULLIF(regexp_extract({column}, '\\+([0-9]+)\\+[0-9]+\\.avro$', 1), '') AS INTEGER), -1)";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override string TypeName(ColumnType type) => type switch
        {
            ColumnType.Text => "text",
            ColumnType.Int => "integer",
            ColumnType.BigInt => "bigint",
            ColumnType.Money => "numeric(18,4)",
            ColumnType.Fraction => "numeric(9,4)",
            ColumnType.Rate => "numeric(18,6)",
            ColumnType.Total => "numeric(38,4)",
            ColumnType.TimestampUtc => "timestamptz",
            ColumnType.Date => "date",
            ColumnType.Bool => "boolean",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };

        public override string Parameter(string name) => "@" + name;

        public override string PartitionOfSourceFile(string column) =>
            $"coalesce(CAST(substring({column} from '\\+([0-9]+)\\+[0-9]+\\.avro$') AS integer), -1)";

        // The merge probes fact_sales, rejected and fact_order by their keys; the time series filter by day.
        public override IEnumerable<string> Indexes() =>
        [
            "CREATE INDEX IF NOT EXISTS agg_sales_hourly_day ON agg_sales_hourly (bucket_day)",
        ];
    }
}
