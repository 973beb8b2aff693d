using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Loading;

/// <summary>
/// The statements that merge one batch's staged rows (temp tables <c>stage_&lt;table&gt;</c>) into the warehouse,
/// run inside the batch's transaction; the same text on DuckDB and PostgreSQL, so both apply the same rules.
/// </summary>
internal static class MergeSql
{
    /// <summary>The temp table a lake table is staged into: its Parquet columns, plus the file's event date for rejected rows.</summary>
    public static Table StageOf(Table lakeTable) =>
        lakeTable with
        {
            Name = "stage_" + lakeTable.Name,
            Columns = lakeTable.Name == LakeTables.Rejected.Name ? WarehouseTables.Rejected.Columns : lakeTable.Columns,
        };

    /// <summary>
    /// Drops and creates every stage table (temp tables live as long as the session), each with <c>stage_file</c>:
    /// the index of the file a row came from in the transaction's files, so new rows can be counted per batch.
    /// </summary>
    /// <param name="dialect">The warehouse's SQL dialect.</param>
    /// <param name="newFactIsView">Whether this session's merge made <c>new_fact</c> a view over the stage (this merge, not the Redshift one).</param>
    public static IEnumerable<string> CreateStages(SqlDialect dialect, bool newFactIsView = true)
    {
        if (newFactIsView)
        {
            // The view reads stage_fact_sales: PostgreSQL refuses to drop a table a view depends on.
            yield return "DROP VIEW IF EXISTS new_fact";
        }

        foreach (var table in LakeTables.All.Select(StageOf))
        {
            yield return $"DROP TABLE IF EXISTS {table.Name}";
            yield return dialect.CreateTable(table with { Columns = [.. table.Columns, new Column("stage_file", ColumnType.Int)] }, temporary: true);
        }
    }

    /// <summary>The merge, in order (the caller records the manifest in the same transaction).</summary>
    public static IEnumerable<string> Merge(SqlDialect dialect)
    {
        foreach (var dim in LakeTables.Dimensions)
        {
            var key = dim.PrimaryKey.Single();
            var updates = string.Join(", ", dim.Columns.Where(c => c.Name != key).Select(c => $"{c.Name} = EXCLUDED.{c.Name}"));
            // Last writer wins by key; within a batch one row per key, or the upsert would touch a row twice.
            yield return $"""
                INSERT INTO {dim.Name} ({dim.ColumnList})
                SELECT DISTINCT ON ({key}) {dim.ColumnList} FROM stage_{dim.Name} ORDER BY {key}
                ON CONFLICT ({key}) DO UPDATE SET {updates}
                """;
        }

        var fact = LakeTables.FactSales.ColumnList;
        var rejected = WarehouseTables.Rejected.ColumnList;
        foreach (var temp in new[] { "dup_id", "dup_fact", "dup_new", "new_rejected" }.Concat(RollupSql.Temps))
        {
            yield return $"DROP TABLE IF EXISTS {temp}";
        }

        // The ids that need a closer look: repeated within the batch or already loaded. Usually none, so the
        // ordering window and the duplicate rules below run over these few rows, not over the whole batch.
        // Joins, not correlated [NOT] EXISTS, against dup_id and fact_sales (each id once in both): DuckDB ran those
        // as a mark join over every row, 3-10 times slower than the hash join, which also builds on the smaller side.
        yield return """
            CREATE TEMP TABLE dup_id AS
            SELECT event_id FROM stage_fact_sales GROUP BY event_id HAVING count(*) > 1
            UNION
            SELECT s.event_id FROM stage_fact_sales s JOIN fact_sales f ON f.event_id = s.event_id
            """;
        yield return $"""
            CREATE TEMP TABLE dup_fact AS
            SELECT {Prefixed("s", fact)}, s.stage_file, row_number() OVER (PARTITION BY s.event_id ORDER BY s.source_file, s.source_offset) AS copy_number
            FROM stage_fact_sales s JOIN dup_id d ON d.event_id = s.event_id
            """;

        // A fact is new when its event id is nowhere yet. The same id at the same place is the same row read again
        // (a rewritten file): skipped. At another place, or a second copy within the batch: a late duplicate.
        yield return $"""
            CREATE TEMP TABLE dup_new AS
            SELECT {Prefixed("b", fact)}, b.stage_file FROM dup_fact b LEFT JOIN fact_sales f ON f.event_id = b.event_id
            WHERE b.copy_number = 1 AND f.event_id IS NULL
            """;
        yield return $"""
            CREATE TEMP TABLE new_rejected AS
            SELECT {rejected}, stage_file FROM (
                SELECT DISTINCT ON (s.source_file, s.source_offset) s.*
                FROM stage_rejected s
                ORDER BY s.source_file, s.source_offset
            ) s
            WHERE NOT EXISTS (SELECT 1 FROM rejected r WHERE r.source_file = s.source_file AND r.source_offset = s.source_offset)
            UNION ALL
            SELECT b.event_id, 'DUPLICATE_EVENT', 'json', '"' || b.event_id || '"',
                   CASE WHEN f.event_id IS NULL
                        THEN 'event id loaded in the same transaction from ' || k.source_file || ' at offset ' || CAST(k.source_offset AS VARCHAR)
                        ELSE 'event id already loaded from ' || f.source_file || ' at offset ' || CAST(f.source_offset AS VARCHAR) END,
                   b.source_file, {dialect.PartitionOfSourceFile("b.source_file")}, b.source_offset, b.event_time, now(), CAST(b.event_time AS DATE), b.stage_file
            FROM dup_fact b
            LEFT JOIN fact_sales f ON f.event_id = b.event_id
            -- The copy kept (a transaction can hold several batches: the other copy may come from another one).
            LEFT JOIN dup_fact k ON k.event_id = b.event_id AND k.copy_number = 1
            WHERE ((f.event_id IS NULL AND b.copy_number > 1 AND NOT EXISTS (
                       SELECT 1 FROM dup_fact b1
                       WHERE b1.event_id = b.event_id AND b1.copy_number = 1 AND b1.source_file = b.source_file AND b1.source_offset = b.source_offset))
               OR (f.event_id IS NOT NULL AND (f.source_file <> b.source_file OR f.source_offset <> b.source_offset)))
            AND NOT EXISTS (SELECT 1 FROM rejected r WHERE r.source_file = b.source_file AND r.source_offset = b.source_offset)
            """;

        // A view, not a copy of the batch: fixed once dup_id and dup_new are, so it reads the same after the insert.
        // Only new_line, the new facts joined to the dimensions, is written out, with the columns the rollups use.
        yield return $"""
            CREATE TEMP VIEW new_fact AS
            SELECT {Prefixed("s", fact)}, s.stage_file FROM stage_fact_sales s LEFT JOIN dup_id d ON d.event_id = s.event_id WHERE d.event_id IS NULL
            UNION ALL
            SELECT {fact}, stage_file FROM dup_new
            """;
        yield return RollupSql.NewLine(withStageFile: true);
        yield return $"INSERT INTO fact_sales ({fact}) SELECT {fact} FROM new_fact";
        // A duplicate's place can already hold a rejected row (a re-run); the place is rejected once.
        yield return $"""
            INSERT INTO rejected ({rejected})
            SELECT DISTINCT ON (source_file, source_offset) {rejected} FROM new_rejected ORDER BY source_file, source_offset
            ON CONFLICT (source_file, source_offset) DO NOTHING
            """;

        foreach (var statement in RollupSql.Orders().Concat(dialect.UpsertsRollups ? RollupSql.ApplyByUpsert() : RollupSql.ApplyByMerge()))
        {
            yield return statement;
        }
    }

    private static string Prefixed(string alias, string columnList) =>
        string.Join(", ", columnList.Split(", ").Select(c => $"{alias}.{c}"));
}
