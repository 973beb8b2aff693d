using System.Data.Common;
using System.Globalization;
using CartStream.Warehouse.Loading;

namespace CartStream.Warehouse.Queries;

/// <summary>
/// <see cref="IWarehouseQueries"/> on DuckDB or PostgreSQL: one SQL text per question, parameter markers spelled
/// per dialect, read from the rollups (<c>agg_sales_hourly</c>, <c>agg_sales_daily</c>, <c>agg_product_daily</c>,
/// <c>agg_quality_daily</c>), so
/// orders and new customers are sums, never <c>count(DISTINCT ...)</c> over the facts.
/// </summary>
public sealed class WarehouseQueries : IWarehouseQueries
{
    private readonly WarehouseDatabase _database;

    private WarehouseQueries(WarehouseDatabase database)
    {
        _database = database;
    }

    /// <summary>Opens the warehouse the options name (creating its tables if needed).</summary>
    public static async Task<WarehouseQueries> OpenAsync(WarehouseOptions options, CancellationToken cancellationToken = default)
    {
        var database = await WarehouseDatabases.OpenAsync(options, cancellationToken);
        try
        {
            await database.EnsureSchemaAsync(cancellationToken);
            return new WarehouseQueries(database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <inheritdoc/>
    public async Task<string> DataVersionAsync(CancellationToken cancellationToken = default)
    {
        // Every committed batch writes its files and report into the manifest in the same transaction as its rows.
        var rows = await QueryAsync(
            "SELECT count(*), max(loaded_at) FROM load_manifest",
            new QueryFilter(DateOnly.MinValue, DateOnly.MaxValue),
            r => string.Create(CultureInfo.InvariantCulture, $"{Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)}/{(r.IsDBNull(1) ? "" : Utc(r.GetValue(1)).ToString("O", CultureInfo.InvariantCulture))}"),
            cancellationToken);
        return rows.Single();
    }

    /// <inheritdoc/>
    public async Task<FilterValues> FilterValuesAsync(CancellationToken cancellationToken = default)
    {
        // One pass over the hourly rollup (the smallest with all three columns): one row per value of each column,
        // every row with the days of the whole table. Rollup cells are never NULL ('unknown' stands for missing).
        var rows = await QueryAsync(
            """
            SELECT GROUPING(country_code), GROUPING(category), country_code, category, sales_channel, min(bucket_day), max(bucket_day)
            FROM agg_sales_hourly GROUP BY GROUPING SETS ((country_code), (category), (sales_channel))
            """,
            new QueryFilter(DateOnly.MinValue, DateOnly.MaxValue),
            r => (Grouped: (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture) == 0 ? 0 : 1) + (Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture) == 0 ? 0 : 2), Country: r.IsDBNull(2) ? null : r.GetString(2),
                Category: r.IsDBNull(3) ? null : r.GetString(3), Channel: r.IsDBNull(4) ? null : r.GetString(4), First: Day(r.GetValue(5)), Last: Day(r.GetValue(6))),
            cancellationToken);
        // GROUPING(x) is 0 for the set grouped by x: (country) = 0 + 2, (category) = 1 + 0, (channel) = 1 + 2.
        return new FilterValues(
            [.. rows.Where(r => r.Grouped == 2).Select(r => r.Country!).Order(StringComparer.Ordinal)],
            [.. rows.Where(r => r.Grouped == 1).Select(r => r.Category!).Order(StringComparer.Ordinal)],
            [.. rows.Where(r => r.Grouped == 3).Select(r => r.Channel!).Order(StringComparer.Ordinal)],
            rows.Count == 0 ? null : rows.Min(r => r.First),
            rows.Count == 0 ? null : rows.Max(r => r.Last));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SalesPoint>> SalesOverTimeAsync(QueryFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {Bucket(bucket)} AS bucket, CAST(sum(net) AS DECIMAL(18,4)), CAST(coalesce(sum(margin), 0) AS DECIMAL(18,4)), CAST(sum(orders) AS BIGINT), CAST(sum(units) AS BIGINT)
            FROM agg_sales_hourly WHERE {DayFilter()} GROUP BY {Bucket(bucket)} ORDER BY 1
            """,
            filter,
            r =>
            {
                var revenue = r.GetDecimal(1);
                var orders = r.GetInt64(3);
                var aov = orders == 0 ? 0m : Math.Round(revenue / orders, 4, MidpointRounding.AwayFromZero);
                return new SalesPoint(Utc(r.GetValue(0)), revenue, r.GetDecimal(2), orders, aov, r.GetInt64(4));
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RankedItem>> TopProductsAsync(QueryFilter filter, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT p.product_id, coalesce(p.name, p.product_id), CAST(sum(t.net) AS DECIMAL(18,4)) AS revenue, CAST(sum(t.units) AS BIGINT)
            FROM (SELECT a.product_key, sum(a.net) AS net, sum(a.units) AS units FROM agg_product_daily a WHERE {DailyFilter()} GROUP BY a.product_key) t
            JOIN dim_product p ON p.product_key = t.product_key
            GROUP BY p.product_id, p.name ORDER BY revenue DESC, p.product_id LIMIT {Limit(limit)}
            """,
            filter,
            r => new RankedItem(r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetInt64(3)),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RankedItem>> TopCategoriesAsync(QueryFilter filter, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT category, CAST(sum(net) AS DECIMAL(18,4)) AS revenue, CAST(sum(units) AS BIGINT) FROM agg_sales_daily WHERE {DayFilter()}
            GROUP BY category ORDER BY revenue DESC, category LIMIT {Limit(limit)}
            """,
            filter,
            r => new RankedItem(r.GetString(0), r.GetString(0), r.GetDecimal(1), r.GetInt64(2)),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CategorySales>> SalesByCategoryAsync(QueryFilter filter, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT category, CAST(sum(net) AS DECIMAL(18,4)) AS revenue, CAST(coalesce(sum(margin), 0) AS DECIMAL(18,4)), CAST(sum(units) AS BIGINT)
            FROM agg_sales_daily WHERE {DayFilter()}
            GROUP BY category ORDER BY revenue DESC, category
            """,
            filter,
            r => new CategorySales(r.GetString(0), r.GetDecimal(1), r.GetDecimal(2), r.GetInt64(3)),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<PlaceRevenue>> RevenueByPlaceAsync(QueryFilter filter, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT country_code, city_name, CAST(sum(net) AS DECIMAL(18,4)) AS revenue, CAST(sum(orders) AS BIGINT) FROM agg_sales_daily WHERE {DayFilter()}
            GROUP BY country_code, city_name ORDER BY country_code, revenue DESC, city_name
            """,
            filter,
            r => new PlaceRevenue(r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetInt64(3)),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<MixItem>> PaymentMixAsync(QueryFilter filter, CancellationToken cancellationToken = default) => MixAsync("payment_method", filter, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<MixItem>> ChannelMixAsync(QueryFilter filter, CancellationToken cancellationToken = default) => MixAsync("sales_channel", filter, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<CustomerMixPoint>> NewVersusReturningAsync(QueryFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {Bucket(bucket)} AS bucket, CAST(sum(new_customer_orders) AS BIGINT), CAST(sum(orders) - sum(new_customer_orders) AS BIGINT)
            FROM agg_sales_hourly WHERE {DayFilter()} GROUP BY {Bucket(bucket)} ORDER BY 1
            """,
            filter,
            r => new CustomerMixPoint(Utc(r.GetValue(0)), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RejectRatePoint>> RejectRateAsync(QueryFilter filter, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT bucket_day, facts, rejected FROM agg_quality_daily
            WHERE bucket_day >= CAST({P("from")} AS DATE) AND bucket_day < CAST({P("to")} AS DATE) ORDER BY bucket_day
            """,
            filter,
            r =>
            {
                var facts = r.GetInt64(1);
                var rejected = r.GetInt64(2);
                return new RejectRatePoint(Day(r.GetValue(0)), facts, rejected, facts + rejected == 0 ? 0 : (double)rejected / (facts + rejected));
            },
            cancellationToken);

    private Task<IReadOnlyList<MixItem>> MixAsync(string column, QueryFilter filter, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {column}, CAST(sum(net) AS DECIMAL(18,4)) AS revenue, CAST(sum(orders) AS BIGINT) FROM agg_sales_daily WHERE {DayFilter()}
            GROUP BY {column} ORDER BY revenue DESC, {column}
            """,
            filter,
            r => new MixItem(r.GetString(0), r.GetDecimal(1), r.GetInt64(2)),
            cancellationToken);

    private string P(string name) => _database.Dialect.Parameter(name);

    private string DayFilter() =>
        $"bucket_day >= CAST({P("from")} AS DATE) AND bucket_day < CAST({P("to")} AS DATE) AND {DimensionFilter()}";

    private string DailyFilter() =>
        $"a.bucket_day >= CAST({P("from")} AS DATE) AND a.bucket_day < CAST({P("to")} AS DATE) AND {DimensionFilter("a.")}";

    private string DimensionFilter(string alias = "") =>
        $"(CAST({P("country")} AS VARCHAR) IS NULL OR {alias}country_code = CAST({P("country")} AS VARCHAR)) " +
        $"AND (CAST({P("category")} AS VARCHAR) IS NULL OR {alias}category = CAST({P("category")} AS VARCHAR)) " +
        $"AND (CAST({P("channel")} AS VARCHAR) IS NULL OR {alias}sales_channel = CAST({P("channel")} AS VARCHAR))";

    // Both columns are stored, so no time-zone arithmetic runs at query time.
    private static string Bucket(TimeBucket bucket) => bucket == TimeBucket.Hour ? "bucket_hour" : "bucket_day";

    private static string Limit(int limit) =>
        limit is >= 1 and <= 10_000 ? limit.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(limit), "between 1 and 10000");

    private static DateOnly Day(object value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        _ => throw new InvalidCastException($"not a date: {value.GetType()}"),
    };

    private static DateTime Utc(object value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime,
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        _ => throw new InvalidCastException($"not a timestamp: {value.GetType()}"),
    };

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, QueryFilter filter, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        (string Name, object? Value)[] parameters =
            [("from", filter.From), ("to", filter.To), ("country", filter.Country), ("category", filter.Category), ("channel", filter.Channel)];
        // Only the parameters the statement uses: DuckDB refuses extra ones.
        await using var command = _database.Command(sql, null, parameters.Where(p => sql.Contains(P(p.Name), StringComparison.Ordinal)).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
