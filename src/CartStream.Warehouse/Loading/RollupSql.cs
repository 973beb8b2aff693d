using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Loading;

/// <summary>
/// The rollups' part of a merge, in SQL every backend runs (Redshift included): the batch's new orders, first
/// orders and, per rollup, a delta table <c>delta_&lt;rollup&gt;</c> that is then added to the rollup. Work is
/// proportional to the batch, never to the warehouse. Expects <c>new_fact</c> and <c>new_rejected</c>.
/// </summary>
internal static class RollupSql
{
    public const string Dims =
        """
        LEFT JOIN dim_address da ON da.address_key = f.address_key
        LEFT JOIN dim_city dci ON dci.city_key = da.city_key
        LEFT JOIN dim_country dco ON dco.country_key = dci.country_key
        LEFT JOIN dim_product dp ON dp.product_key = f.product_key
        LEFT JOIN dim_channel dch ON dch.channel_key = f.channel_key
        LEFT JOIN dim_payment_method dpm ON dpm.payment_method_key = f.payment_method_key
        """;

    public const string Cell =
        "COALESCE(dco.country_code, 'unknown') AS country_code, COALESCE(dci.city_name, 'unknown') AS city_name, " +
        "COALESCE(dp.category, 'unknown') AS category, COALESCE(dch.sales_channel, 'unknown') AS sales_channel, " +
        "COALESCE(dpm.payment_method, 'unknown') AS payment_method";

    /// <summary>Temp tables these statements create, dropped first.</summary>
    public static IEnumerable<string> Temps =>
        ["new_line", "batch_order", "first_candidate", "first_update", .. WarehouseTables.Rollups.Select(r => "delta_" + r.Name), .. WarehouseTables.Rollups.Select(r => "merged_" + r.Name)];

    /// <summary>The new facts joined to the dimensions, from <c>new_fact</c>: what fact_order and the rollups are computed from.</summary>
    /// <param name="withStageFile">Whether <c>new_fact</c> has <c>stage_file</c> (the file each row came from), kept for counting per batch.</param>
    public static string NewLine(bool withStageFile = false) =>
        $"""
            CREATE TEMP TABLE new_line AS
            SELECT DATE_TRUNC('hour', f.event_time) AS bucket_hour, CAST(f.event_time AS DATE) AS bucket_day, f.order_id, f.line_number,
                   f.event_time, f.customer_key, f.product_key, {Cell}, f.quantity, f.gross, f.net, f.cost, f.margin{(withStageFile ? ", f.stage_file" : "")}
            FROM new_fact f
            {Dims}
            """;

    /// <summary>New orders into fact_order and the batch's first-order changes into <c>first_update</c>; expects <c>new_line</c>.</summary>
    public static IEnumerable<string> Orders()
    {
        var order = WarehouseTables.FactOrder.ColumnList;
        // One row per order, described by its lowest loaded line; then only the orders fact_order does not have
        // (all lines of an order pass or fail together, so filtering after the window is the same, on fewer rows).
        yield return $"""
            CREATE TEMP TABLE batch_order AS
            SELECT {Prefixed("n", order)} FROM (
                SELECT l.order_id, l.event_time AS order_time, l.bucket_hour AS order_hour, l.customer_key,
                       l.country_code, l.city_name, l.category, l.sales_channel, l.payment_method,
                       ROW_NUMBER() OVER (PARTITION BY l.order_id ORDER BY l.line_number) AS rn
                FROM new_line l
            ) n
            LEFT JOIN fact_order o ON o.order_id = n.order_id
            WHERE n.rn = 1 AND o.order_id IS NULL
            """;
        yield return $"INSERT INTO fact_order ({order}) SELECT {order} FROM batch_order";
        yield return """
            CREATE TEMP TABLE first_candidate AS
            SELECT customer_key, order_id, order_time FROM (
                SELECT customer_key, order_id, order_time, ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY order_time, order_id) AS rn FROM batch_order
            ) c WHERE rn = 1
            """;
        // A customer's first order changes when none was known or an earlier one arrives (late data, another partition).
        yield return """
            CREATE TEMP TABLE first_update AS
            SELECT c.customer_key, c.order_id, c.order_time, cf.order_id AS replaced_order_id FROM first_candidate c
            LEFT JOIN customer_first_order cf ON cf.customer_key = c.customer_key
            WHERE cf.customer_key IS NULL OR c.order_time < cf.order_time OR (c.order_time = cf.order_time AND c.order_id < cf.order_id)
            """;
    }

    /// <summary>The batch's delta of each rollup as a temp table <c>delta_&lt;rollup&gt;</c> (the Redshift merge).</summary>
    public static IEnumerable<string> Deltas() => DeltaQueries().Select(d => $"CREATE TEMP TABLE delta_{d.Rollup.Name} AS\n{d.Query}");

    /// <summary>The query of the batch's delta of each rollup: one row per rollup key.</summary>
    private static IEnumerable<(Table Rollup, string Query)> DeltaQueries()
    {
        yield return (WarehouseTables.AggSalesHourly, """
            SELECT bucket_hour, CAST(bucket_hour AS DATE) AS bucket_day, country_code, category, sales_channel,
                   SUM(lines) AS lines, SUM(units) AS units, SUM(gross) AS gross, SUM(net) AS net, SUM(cost) AS cost, SUM(margin) AS margin,
                   SUM(orders) AS orders, SUM(new_customer_orders) AS new_customer_orders
            FROM (
                SELECT bucket_hour, country_code, category, sales_channel, 1 AS lines, quantity AS units, gross, net, cost, margin, 0 AS orders, 0 AS new_customer_orders FROM new_line
                UNION ALL
                SELECT order_hour, country_code, category, sales_channel, 0, 0, 0, 0, NULL, NULL, 1, 0 FROM batch_order
                UNION ALL
                SELECT o.order_hour, o.country_code, o.category, o.sales_channel, 0, 0, 0, 0, NULL, NULL, 0, 1
                FROM first_update u JOIN fact_order o ON o.order_id = u.order_id
                UNION ALL
                SELECT o.order_hour, o.country_code, o.category, o.sales_channel, 0, 0, 0, 0, NULL, NULL, 0, -1
                FROM first_update u JOIN fact_order o ON o.order_id = u.replaced_order_id
            ) d
            GROUP BY bucket_hour, country_code, category, sales_channel
            """);
        yield return (WarehouseTables.AggSalesDaily, """
            SELECT bucket_day, country_code, city_name, category, sales_channel, payment_method,
                   SUM(lines) AS lines, SUM(units) AS units, SUM(net) AS net, SUM(margin) AS margin, SUM(orders) AS orders
            FROM (
                SELECT bucket_day, country_code, city_name, category, sales_channel, payment_method, 1 AS lines, quantity AS units, net, margin, 0 AS orders FROM new_line
                UNION ALL
                SELECT CAST(order_hour AS DATE), country_code, city_name, category, sales_channel, payment_method, 0, 0, 0, NULL, 1 FROM batch_order
            ) d
            GROUP BY bucket_day, country_code, city_name, category, sales_channel, payment_method
            """);
        yield return (WarehouseTables.AggProductDaily, """
            SELECT bucket_day, product_key, country_code, sales_channel, category,
                   COUNT(*) AS lines, SUM(quantity) AS units, SUM(net) AS net, SUM(margin) AS margin
            FROM new_line
            GROUP BY bucket_day, product_key, country_code, sales_channel, category
            """);
        yield return (WarehouseTables.AggQualityDaily, """
            SELECT bucket_day, SUM(facts) AS facts, SUM(rejected) AS rejected FROM (
                SELECT bucket_day, COUNT(*) AS facts, 0 AS rejected FROM new_line GROUP BY bucket_day
                UNION ALL
                SELECT event_date, 0, COUNT(DISTINCT source_file || '#' || CAST(source_offset AS VARCHAR(20))) FROM new_rejected GROUP BY event_date
            ) q
            GROUP BY bucket_day
            """);
    }

    /// <summary>
    /// Adds each delta to its rollup with <c>INSERT ... ON CONFLICT DO UPDATE</c> straight from the delta's
    /// aggregate (PostgreSQL): no delta table is written, and the cells come in key order, so the key's index is
    /// walked once instead of probed at random.
    /// </summary>
    public static IEnumerable<string> ApplyByUpsert()
    {
        yield return "INSERT INTO customer_first_order (customer_key, order_id, order_time) SELECT customer_key, order_id, order_time FROM first_update " +
                     "ON CONFLICT (customer_key) DO UPDATE SET order_id = EXCLUDED.order_id, order_time = EXCLUDED.order_time";
        foreach (var (rollup, query) in DeltaQueries())
        {
            var sums = string.Join(", ", Measures(rollup).Select(c => $"{c.Name} = {Sum(c, $"{rollup.Name}.{c.Name}", $"EXCLUDED.{c.Name}")}"));
            yield return $"""
                INSERT INTO {rollup.Name} ({rollup.ColumnList}) SELECT {rollup.ColumnList} FROM (
                {query}
                ) d
                ORDER BY {string.Join(", ", rollup.PrimaryKey)}
                ON CONFLICT ({string.Join(", ", rollup.PrimaryKey)}) DO UPDATE SET {sums}
                """;
        }
    }

    /// <summary>
    /// Adds each delta to its rollup with one <c>MERGE INTO</c> straight from the delta's aggregate (DuckDB, whose
    /// rollups declare no key): matched cells add the delta in place, new cells are appended.
    /// </summary>
    public static IEnumerable<string> ApplyByMerge()
    {
        yield return """
            MERGE INTO customer_first_order c USING first_update u ON c.customer_key = u.customer_key
            WHEN MATCHED THEN UPDATE SET order_id = u.order_id, order_time = u.order_time
            WHEN NOT MATCHED THEN INSERT (customer_key, order_id, order_time) VALUES (u.customer_key, u.order_id, u.order_time)
            """;
        foreach (var (rollup, query) in DeltaQueries())
        {
            var sums = string.Join(", ", Measures(rollup).Select(c => $"{c.Name} = {Sum(c, $"a.{c.Name}", $"d.{c.Name}")}"));
            var on = string.Join(" AND ", rollup.PrimaryKey.Select(k => $"a.{k} = d.{k}"));
            yield return $"""
                MERGE INTO {rollup.Name} a USING (
                {query}
                ) d ON {on}
                WHEN MATCHED THEN UPDATE SET {sums}
                WHEN NOT MATCHED THEN INSERT ({rollup.ColumnList}) VALUES ({string.Join(", ", rollup.Columns.Select(c => $"d.{c.Name}"))})
                """;
        }
    }

    /// <summary>Adds each delta to its rollup by merging into a temp table, then DELETE ... USING and INSERT (Redshift).</summary>
    public static IEnumerable<string> ApplyByDeleteInsert()
    {
        yield return "DELETE FROM customer_first_order USING first_update u WHERE customer_first_order.customer_key = u.customer_key";
        yield return "INSERT INTO customer_first_order (customer_key, order_id, order_time) SELECT customer_key, order_id, order_time FROM first_update";
        foreach (var rollup in WarehouseTables.Rollups)
        {
            var measures = Measures(rollup).ToList();
            var columns = rollup.Columns.Select(c => measures.Contains(c) ? $"{Sum(c, $"a.{c.Name}", $"d.{c.Name}")} AS {c.Name}" : $"d.{c.Name}");
            var on = string.Join(" AND ", rollup.PrimaryKey.Select(k => $"a.{k} = d.{k}"));
            yield return $"""
                CREATE TEMP TABLE merged_{rollup.Name} AS
                SELECT {string.Join(", ", columns)}
                FROM delta_{rollup.Name} d LEFT JOIN {rollup.Name} a ON {on}
                """;
            yield return $"DELETE FROM {rollup.Name} USING merged_{rollup.Name} m WHERE {string.Join(" AND ", rollup.PrimaryKey.Select(k => $"{rollup.Name}.{k} = m.{k}"))}";
            yield return $"INSERT INTO {rollup.Name} ({rollup.ColumnList}) SELECT {rollup.ColumnList} FROM merged_{rollup.Name}";
        }
    }

    // Counts and sums; bucket_day beside bucket_hour is derived from the key, not added.
    private static IEnumerable<Column> Measures(Table rollup) =>
        rollup.Columns.Where(c => !rollup.PrimaryKey.Contains(c.Name) && c.Name != "bucket_day");

    // A missing cost stays missing until some line has one: NULL + x would lose the known part. With delete and
    // insert, a cell new to the rollup has no current row (NULL).
    private static string Sum(Column column, string current, string delta) =>
        column.Nullable ? $"COALESCE({current} + {delta}, {current}, {delta})" : $"COALESCE({current}, 0) + {delta}";

    private static string Prefixed(string alias, string columnList) =>
        string.Join(", ", columnList.Split(", ").Select(c => $"{alias}.{c}"));
}
