using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Redshift;

/// <summary>
/// The merge of staged rows into the target tables in SQL that Redshift runs (no ON CONFLICT, no DISTINCT ON:
/// ROW_NUMBER, DELETE ... USING and INSERT), and that PostgreSQL runs too, so the flow is tested for real there.
/// Same rules as the DuckDB/PostgreSQL merge: new event ids only, late duplicates rejected, dimensions replaced by key.
/// </summary>
internal static class RedshiftMergeSql
{
    public static IEnumerable<string> Merge(SqlDialect dialect)
    {
        foreach (var dim in LakeTables.Dimensions)
        {
            var key = dim.PrimaryKey.Single();
            yield return $"DELETE FROM {dim.Name} USING stage_{dim.Name} s WHERE {dim.Name}.{key} = s.{key}";
            yield return $"""
                INSERT INTO {dim.Name} ({dim.ColumnList})
                SELECT {dim.ColumnList} FROM (
                    SELECT {dim.ColumnList}, ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY {key}) AS rn FROM stage_{dim.Name}
                ) s WHERE rn = 1
                """;
        }

        foreach (var temp in new[] { "batch_fact", "new_fact", "new_rejected" }.Concat(RollupSql.Temps))
        {
            yield return $"DROP TABLE IF EXISTS {temp}";
        }

        var fact = LakeTables.FactSales.ColumnList;
        var rejected = string.Join(", ", Schema.WarehouseTables.Rejected.Columns.Select(c => c.Name));
        yield return $"""
            CREATE TEMP TABLE batch_fact AS
            SELECT {fact}, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY source_file, source_offset) AS copy_number
            FROM stage_fact_sales
            """;
        yield return """
            CREATE TEMP TABLE new_fact AS
            SELECT b.* FROM batch_fact b
            WHERE b.copy_number = 1 AND NOT EXISTS (SELECT 1 FROM fact_sales f WHERE f.event_id = b.event_id)
            """;
        yield return $"""
            CREATE TEMP TABLE new_rejected AS
            SELECT {rejected} FROM (
                SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.source_file, s.source_offset ORDER BY s.rejected_at) AS rn FROM stage_rejected s
            ) s
            WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM rejected r WHERE r.source_file = s.source_file AND r.source_offset = s.source_offset)
            UNION ALL
            SELECT b.event_id, 'DUPLICATE_EVENT', 'json', '"' || b.event_id || '"',
                   CASE WHEN f.event_id IS NULL THEN 'event id repeated within the load batch'
                        ELSE 'event id already loaded from ' || f.source_file || ' at offset ' || CAST(f.source_offset AS VARCHAR(20)) END,
                   b.source_file, {dialect.PartitionOfSourceFile("b.source_file")}, b.source_offset, b.event_time, CURRENT_TIMESTAMP, CAST(b.event_time AS DATE)
            FROM batch_fact b
            LEFT JOIN fact_sales f ON f.event_id = b.event_id
            WHERE ((f.event_id IS NULL AND b.copy_number > 1 AND NOT EXISTS (
                       SELECT 1 FROM batch_fact b1
                       WHERE b1.event_id = b.event_id AND b1.copy_number = 1 AND b1.source_file = b.source_file AND b1.source_offset = b.source_offset))
               OR (f.event_id IS NOT NULL AND (f.source_file <> b.source_file OR f.source_offset <> b.source_offset)))
            AND NOT EXISTS (SELECT 1 FROM rejected r WHERE r.source_file = b.source_file AND r.source_offset = b.source_offset)
            """;
        yield return $"INSERT INTO fact_sales ({fact}) SELECT {fact} FROM new_fact";
        yield return $"""
            INSERT INTO rejected ({rejected})
            SELECT {rejected} FROM (
                SELECT n.*, ROW_NUMBER() OVER (PARTITION BY source_file, source_offset ORDER BY rule_codes) AS rn FROM new_rejected n
            ) n WHERE rn = 1
            """;

        foreach (var statement in RollupSql.Orders().Prepend(RollupSql.NewLine()).Concat(RollupSql.Deltas()).Concat(RollupSql.ApplyByDeleteInsert()))
        {
            yield return statement;
        }
    }
}
