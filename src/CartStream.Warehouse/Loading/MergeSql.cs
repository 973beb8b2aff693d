using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Loading;

/// <summary>
/// The statements that merge one batch's staged rows (temp tables <c>stage_&lt;table&gt;</c>) into the warehouse,
/// run inside the batch's transaction; the same text on DuckDB and PostgreSQL, so both apply the same rules.
/// </summary>
internal static class MergeSql
{
    private const string Dims =
        """
        LEFT JOIN dim_address da ON da.address_key = f.address_key
        LEFT JOIN dim_city dci ON dci.city_key = da.city_key
        LEFT JOIN dim_country dco ON dco.country_key = dci.country_key
        LEFT JOIN dim_product dp ON dp.product_key = f.product_key
        LEFT JOIN dim_channel dch ON dch.channel_key = f.channel_key
        LEFT JOIN dim_payment_method dpm ON dpm.payment_method_key = f.payment_method_key
        """;

    private const string Cell =
        "coalesce(dco.country_code, 'unknown') AS country_code, coalesce(dci.city_name, 'unknown') AS city_name, " +
        "coalesce(dp.category, 'unknown') AS category, coalesce(dch.sales_channel, 'unknown') AS sales_channel, " +
        "coalesce(dpm.payment_method, 'unknown') AS payment_method";

    /// <summary>The temp table a lake table is staged into: its Parquet columns, plus the file's event date for rejected rows.</summary>
    public static Table StageOf(Table lakeTable) =>
        lakeTable with
        {
            Name = "stage_" + lakeTable.Name,
            Columns = lakeTable.Name == LakeTables.Rejected.Name ? WarehouseTables.Rejected.Columns : lakeTable.Columns,
        };

    /// <summary>Drops and creates every stage table (temp tables live as long as the session).</summary>
    public static IEnumerable<string> CreateStages(SqlDialect dialect)
    {
        foreach (var table in LakeTables.All.Select(StageOf))
        {
            yield return $"DROP TABLE IF EXISTS {table.Name}";
            yield return dialect.CreateTable(table, temporary: true);
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
        foreach (var temp in new[] { "batch_fact", "new_fact", "new_rejected", "batch_order", "first_candidate", "touched_hour" })
        {
            yield return $"DROP TABLE IF EXISTS {temp}";
        }

        yield return $"""
            CREATE TEMP TABLE batch_fact AS
            SELECT {fact}, row_number() OVER (PARTITION BY event_id ORDER BY source_file, source_offset) AS copy_number
            FROM stage_fact_sales
            """;

        // A fact is new when its event id is nowhere yet. The same id at the same place is the same row read again
        // (a rewritten file): skipped. At another place, or a second copy within the batch: a late duplicate.
        yield return """
            CREATE TEMP TABLE new_fact AS
            SELECT b.* FROM batch_fact b
            WHERE b.copy_number = 1 AND NOT EXISTS (SELECT 1 FROM fact_sales f WHERE f.event_id = b.event_id)
            """;
        yield return $"""
            CREATE TEMP TABLE new_rejected AS
            SELECT {rejected} FROM (
                SELECT DISTINCT ON (s.source_file, s.source_offset) s.*
                FROM stage_rejected s
                ORDER BY s.source_file, s.source_offset
            ) s
            WHERE NOT EXISTS (SELECT 1 FROM rejected r WHERE r.source_file = s.source_file AND r.source_offset = s.source_offset)
            UNION ALL
            SELECT b.event_id, 'DUPLICATE_EVENT', 'json', '"' || b.event_id || '"',
                   CASE WHEN f.event_id IS NULL THEN 'event id repeated within the load batch'
                        ELSE 'event id already loaded from ' || f.source_file || ' at offset ' || CAST(f.source_offset AS VARCHAR) END,
                   b.source_file, {dialect.PartitionOfSourceFile("b.source_file")}, b.source_offset, b.event_time, now(), CAST(b.event_time AS DATE)
            FROM batch_fact b
            LEFT JOIN fact_sales f ON f.event_id = b.event_id
            WHERE ((f.event_id IS NULL AND b.copy_number > 1)
               OR (f.event_id IS NOT NULL AND (f.source_file <> b.source_file OR f.source_offset <> b.source_offset)))
            AND NOT EXISTS (SELECT 1 FROM rejected r WHERE r.source_file = b.source_file AND r.source_offset = b.source_offset)
            """;
        yield return $"INSERT INTO fact_sales ({fact}) SELECT {fact} FROM new_fact";
        // A duplicate's place can already hold a rejected row (a re-run); the place is rejected once.
        yield return $"""
            INSERT INTO rejected ({rejected})
            SELECT DISTINCT ON (source_file, source_offset) {rejected} FROM new_rejected ORDER BY source_file, source_offset
            ON CONFLICT (source_file, source_offset) DO NOTHING
            """;

        // One row per order, described by its lowest loaded line.
        yield return $"""
            CREATE TEMP TABLE batch_order AS
            SELECT DISTINCT ON (f.order_id) f.order_id, f.event_time AS order_time, date_trunc('hour', f.event_time) AS order_hour,
                   f.customer_key, {Cell}
            FROM new_fact f
            {Dims}
            WHERE NOT EXISTS (SELECT 1 FROM fact_order o WHERE o.order_id = f.order_id)
            ORDER BY f.order_id, f.line_number
            """;
        yield return $"INSERT INTO fact_order ({WarehouseTables.FactOrder.ColumnList}) SELECT {WarehouseTables.FactOrder.ColumnList} FROM batch_order";
        yield return """
            CREATE TEMP TABLE first_candidate AS
            SELECT DISTINCT ON (customer_key) customer_key, order_id, order_time FROM batch_order ORDER BY customer_key, order_time, order_id
            """;

        // Hours whose rollup must be rebuilt: those of the new facts, and those of first orders an earlier one replaces.
        yield return "CREATE TEMP TABLE touched_hour AS SELECT DISTINCT date_trunc('hour', event_time) AS bucket_hour FROM new_fact";
        yield return """
            INSERT INTO touched_hour
            SELECT o.order_hour FROM first_candidate c
            JOIN customer_first_order cf ON cf.customer_key = c.customer_key
            JOIN fact_order o ON o.order_id = cf.order_id
            WHERE c.order_time < cf.order_time OR (c.order_time = cf.order_time AND c.order_id < cf.order_id)
            """;
        yield return """
            INSERT INTO customer_first_order (customer_key, order_id, order_time)
            SELECT customer_key, order_id, order_time FROM first_candidate
            ON CONFLICT (customer_key) DO UPDATE SET order_id = EXCLUDED.order_id, order_time = EXCLUDED.order_time
            WHERE EXCLUDED.order_time < customer_first_order.order_time
               OR (EXCLUDED.order_time = customer_first_order.order_time AND EXCLUDED.order_id < customer_first_order.order_id)
            """;

        yield return "DELETE FROM agg_sales_hourly WHERE bucket_hour IN (SELECT bucket_hour FROM touched_hour)";
        yield return $"""
            INSERT INTO agg_sales_hourly ({WarehouseTables.AggSalesHourly.ColumnList})
            SELECT * FROM (
            WITH hours AS (SELECT DISTINCT bucket_hour FROM touched_hour),
            lines AS (
                SELECT date_trunc('hour', f.event_time) AS bucket_hour, {Cell},
                       count(*) AS lines, sum(f.quantity) AS units, sum(f.gross) AS gross, sum(f.net) AS net,
                       sum(f.cost) AS cost, sum(f.margin) AS margin
                FROM fact_sales f
                {Dims}
                WHERE f.event_time >= (SELECT min(bucket_hour) FROM hours)
                  AND f.event_time < (SELECT max(bucket_hour) FROM hours) + INTERVAL '1 hour'
                  AND date_trunc('hour', f.event_time) IN (SELECT bucket_hour FROM hours)
                GROUP BY 1, 2, 3, 4, 5, 6
            ),
            orders AS (
                SELECT o.order_hour AS bucket_hour, o.country_code, o.city_name, o.category, o.sales_channel, o.payment_method,
                       count(*) AS orders, count(cf.customer_key) AS new_customer_orders
                FROM fact_order o
                LEFT JOIN customer_first_order cf ON cf.order_id = o.order_id
                WHERE o.order_hour IN (SELECT bucket_hour FROM hours)
                GROUP BY 1, 2, 3, 4, 5, 6
            )
            SELECT l.*, coalesce(o.orders, 0), coalesce(o.new_customer_orders, 0)
            FROM lines l
            LEFT JOIN orders o ON o.bucket_hour = l.bucket_hour AND o.country_code = l.country_code AND o.city_name = l.city_name
                AND o.category = l.category AND o.sales_channel = l.sales_channel AND o.payment_method = l.payment_method
            ) rebuilt
            """;

        yield return $"""
            INSERT INTO agg_product_daily ({WarehouseTables.AggProductDaily.ColumnList})
            SELECT CAST(f.event_time AS DATE), f.product_key, coalesce(dco.country_code, 'unknown'), coalesce(dch.sales_channel, 'unknown'),
                   coalesce(dp.category, 'unknown'), count(*), sum(f.quantity), sum(f.net), sum(f.margin)
            FROM new_fact f
            {Dims}
            GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (bucket_day, product_key, country_code, sales_channel) DO UPDATE SET
                lines = agg_product_daily.lines + EXCLUDED.lines, units = agg_product_daily.units + EXCLUDED.units,
                net = agg_product_daily.net + EXCLUDED.net, margin = coalesce(agg_product_daily.margin + EXCLUDED.margin, agg_product_daily.margin, EXCLUDED.margin),
                category = EXCLUDED.category
            """;
        yield return """
            INSERT INTO agg_quality_daily (bucket_day, facts, rejected)
            SELECT bucket_day, sum(facts), sum(rejected) FROM (
                SELECT CAST(event_time AS DATE) AS bucket_day, count(*) AS facts, 0 AS rejected FROM new_fact GROUP BY 1
                UNION ALL
                SELECT event_date, 0, count(*) FROM (
                    SELECT DISTINCT ON (source_file, source_offset) event_date FROM new_rejected ORDER BY source_file, source_offset
                ) r GROUP BY 1
            ) q GROUP BY bucket_day
            ON CONFLICT (bucket_day) DO UPDATE SET
                facts = agg_quality_daily.facts + EXCLUDED.facts, rejected = agg_quality_daily.rejected + EXCLUDED.rejected
            """;
    }
}
