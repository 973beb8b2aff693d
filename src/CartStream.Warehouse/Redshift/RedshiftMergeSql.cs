using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Redshift;

/// <summary>
/// The merge of staged rows into the target tables in SQL that Redshift runs (no ON CONFLICT, no DISTINCT ON:
/// ROW_NUMBER, DELETE ... USING and INSERT), and that PostgreSQL runs too, so the flow is tested for real there.
/// Same rules as the DuckDB/PostgreSQL merge: new event ids only, late duplicates rejected, dimensions replaced by key.
/// </summary>
internal static class RedshiftMergeSql
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
        "COALESCE(dco.country_code, 'unknown') AS country_code, COALESCE(dci.city_name, 'unknown') AS city_name, " +
        "COALESCE(dp.category, 'unknown') AS category, COALESCE(dch.sales_channel, 'unknown') AS sales_channel, " +
        "COALESCE(dpm.payment_method, 'unknown') AS payment_method";

    private static readonly string[] Temps =
        ["batch_fact", "new_fact", "new_rejected", "batch_order", "first_candidate", "first_update", "touched_hour", "product_merged", "quality_merged"];

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

        foreach (var temp in Temps)
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
            WHERE ((f.event_id IS NULL AND b.copy_number > 1)
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

        var order = Schema.WarehouseTables.FactOrder.ColumnList;
        yield return $"""
            CREATE TEMP TABLE batch_order AS
            SELECT {order} FROM (
                SELECT f.order_id, f.event_time AS order_time, DATE_TRUNC('hour', f.event_time) AS order_hour, f.customer_key, {Cell},
                       ROW_NUMBER() OVER (PARTITION BY f.order_id ORDER BY f.line_number) AS rn
                FROM new_fact f
                {Dims}
                WHERE NOT EXISTS (SELECT 1 FROM fact_order o WHERE o.order_id = f.order_id)
            ) o WHERE rn = 1
            """;
        yield return $"INSERT INTO fact_order ({order}) SELECT {order} FROM batch_order";
        yield return """
            CREATE TEMP TABLE first_candidate AS
            SELECT customer_key, order_id, order_time FROM (
                SELECT customer_key, order_id, order_time, ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY order_time, order_id) AS rn FROM batch_order
            ) c WHERE rn = 1
            """;
        yield return """
            CREATE TEMP TABLE first_update AS
            SELECT c.customer_key, c.order_id, c.order_time, cf.order_id AS replaced_order_id FROM first_candidate c
            LEFT JOIN customer_first_order cf ON cf.customer_key = c.customer_key
            WHERE cf.customer_key IS NULL OR c.order_time < cf.order_time OR (c.order_time = cf.order_time AND c.order_id < cf.order_id)
            """;
        yield return "CREATE TEMP TABLE touched_hour AS SELECT DISTINCT DATE_TRUNC('hour', event_time) AS bucket_hour FROM new_fact";
        yield return "INSERT INTO touched_hour SELECT o.order_hour FROM first_update u JOIN fact_order o ON o.order_id = u.replaced_order_id";
        yield return "DELETE FROM customer_first_order USING first_update u WHERE customer_first_order.customer_key = u.customer_key";
        yield return "INSERT INTO customer_first_order (customer_key, order_id, order_time) SELECT customer_key, order_id, order_time FROM first_update";

        yield return "DELETE FROM agg_sales_hourly WHERE bucket_hour IN (SELECT bucket_hour FROM touched_hour)";
        yield return $"""
            INSERT INTO agg_sales_hourly ({Schema.WarehouseTables.AggSalesHourly.ColumnList})
            SELECT l.bucket_hour, l.country_code, l.city_name, l.category, l.sales_channel, l.payment_method, l.lines, l.units, l.gross, l.net,
                   l.cost, l.margin, COALESCE(o.orders, 0), COALESCE(o.new_customer_orders, 0)
            FROM (
                SELECT DATE_TRUNC('hour', f.event_time) AS bucket_hour, {Cell},
                       COUNT(*) AS lines, SUM(f.quantity) AS units, SUM(f.gross) AS gross, SUM(f.net) AS net, SUM(f.cost) AS cost, SUM(f.margin) AS margin
                FROM fact_sales f
                {Dims}
                WHERE f.event_time >= (SELECT MIN(bucket_hour) FROM touched_hour)
                  AND f.event_time < (SELECT MAX(bucket_hour) FROM touched_hour) + INTERVAL '1 hour'
                  AND DATE_TRUNC('hour', f.event_time) IN (SELECT bucket_hour FROM touched_hour)
                GROUP BY 1, 2, 3, 4, 5, 6
            ) l
            LEFT JOIN (
                SELECT o.order_hour AS bucket_hour, o.country_code, o.city_name, o.category, o.sales_channel, o.payment_method,
                       COUNT(*) AS orders, COUNT(cf.customer_key) AS new_customer_orders
                FROM fact_order o
                LEFT JOIN customer_first_order cf ON cf.order_id = o.order_id
                WHERE o.order_hour IN (SELECT bucket_hour FROM touched_hour)
                GROUP BY 1, 2, 3, 4, 5, 6
            ) o ON o.bucket_hour = l.bucket_hour AND o.country_code = l.country_code AND o.city_name = l.city_name
                AND o.category = l.category AND o.sales_channel = l.sales_channel AND o.payment_method = l.payment_method
            """;

        yield return $"""
            CREATE TEMP TABLE product_merged AS
            SELECT d.bucket_day, d.product_key, d.country_code, d.sales_channel, d.category,
                   d.lines + COALESCE(a.lines, 0) AS lines, d.units + COALESCE(a.units, 0) AS units, d.net + COALESCE(a.net, 0) AS net,
                   COALESCE(d.margin + a.margin, d.margin, a.margin) AS margin
            FROM (
                SELECT CAST(f.event_time AS DATE) AS bucket_day, f.product_key, COALESCE(dco.country_code, 'unknown') AS country_code,
                       COALESCE(dch.sales_channel, 'unknown') AS sales_channel, COALESCE(dp.category, 'unknown') AS category,
                       COUNT(*) AS lines, SUM(f.quantity) AS units, SUM(f.net) AS net, SUM(f.margin) AS margin
                FROM new_fact f
                {Dims}
                GROUP BY 1, 2, 3, 4, 5
            ) d
            LEFT JOIN agg_product_daily a ON a.bucket_day = d.bucket_day AND a.product_key = d.product_key
                AND a.country_code = d.country_code AND a.sales_channel = d.sales_channel
            """;
        yield return """
            DELETE FROM agg_product_daily USING product_merged m
            WHERE agg_product_daily.bucket_day = m.bucket_day AND agg_product_daily.product_key = m.product_key
              AND agg_product_daily.country_code = m.country_code AND agg_product_daily.sales_channel = m.sales_channel
            """;
        yield return $"INSERT INTO agg_product_daily ({Schema.WarehouseTables.AggProductDaily.ColumnList}) SELECT * FROM product_merged";
        yield return """
            CREATE TEMP TABLE quality_merged AS
            SELECT d.bucket_day, d.facts + COALESCE(a.facts, 0) AS facts, d.rejected + COALESCE(a.rejected, 0) AS rejected
            FROM (
                SELECT bucket_day, SUM(facts) AS facts, SUM(rejected) AS rejected FROM (
                    SELECT CAST(event_time AS DATE) AS bucket_day, COUNT(*) AS facts, 0 AS rejected FROM new_fact GROUP BY 1
                    UNION ALL
                    SELECT event_date, 0, COUNT(DISTINCT source_file || '#' || CAST(source_offset AS VARCHAR(20))) FROM new_rejected GROUP BY 1
                ) q GROUP BY bucket_day
            ) d
            LEFT JOIN agg_quality_daily a ON a.bucket_day = d.bucket_day
            """;
        yield return "DELETE FROM agg_quality_daily USING quality_merged m WHERE agg_quality_daily.bucket_day = m.bucket_day";
        yield return "INSERT INTO agg_quality_daily (bucket_day, facts, rejected) SELECT bucket_day, facts, rejected FROM quality_merged";
    }
}
