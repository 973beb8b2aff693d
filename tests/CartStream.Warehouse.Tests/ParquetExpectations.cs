using System.Globalization;
using CartStream.Testing.Lake;
using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Tests;

/// <summary>
/// The dashboards' answers computed independently: DuckDB straight over the lake's Parquet files, from the facts
/// and dimensions (no rollup), with orders and first orders derived here from the lines.
/// </summary>
internal sealed class ParquetExpectations(string lake)
{
    private string Lines => DashboardLines.Ctes(lake);

    public IReadOnlyList<SalesPoint> SalesOverTime(QueryFilter filter, TimeBucket bucket)
    {
        var unit = bucket == TimeBucket.Hour ? "hour" : "day";
        return DuckDb.Query($"""
            {Lines}
            SELECT l.b, l.revenue, l.margin, coalesce(o.orders, 0), l.units FROM
                (SELECT date_trunc('{unit}', t) AS b, sum(net) AS revenue, coalesce(sum(margin), 0) AS margin, CAST(sum(quantity) AS BIGINT) AS units FROM lines WHERE {Where(filter)} GROUP BY 1) l
                LEFT JOIN (SELECT date_trunc('{unit}', t) AS b, count(*) AS orders FROM orders WHERE {Where(filter)} GROUP BY 1) o USING (b)
            ORDER BY 1
            """).Select(r =>
        {
            var orders = Convert.ToInt64(r[3], CultureInfo.InvariantCulture);
            var revenue = (decimal)r[1]!;
            return new SalesPoint(Utc(r[0]!), revenue, (decimal)r[2]!, orders, orders == 0 ? 0 : Math.Round(revenue / orders, 4, MidpointRounding.AwayFromZero), Convert.ToInt64(r[4], CultureInfo.InvariantCulture));
        }).ToList();
    }

    public IReadOnlyList<RankedItem> TopProducts(QueryFilter filter, int limit) =>
        DuckDb.Query($"""
            {Lines}
            SELECT product_id, product_name, sum(net) AS revenue, CAST(sum(quantity) AS BIGINT) FROM lines WHERE {Where(filter)}
            GROUP BY ALL ORDER BY revenue DESC, product_id LIMIT {limit}
            """).Select(r => new RankedItem((string)r[0]!, (string)r[1]!, (decimal)r[2]!, Convert.ToInt64(r[3], CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<RankedItem> TopCategories(QueryFilter filter, int limit) =>
        DuckDb.Query($"""
            {Lines}
            SELECT category, sum(net) AS revenue, CAST(sum(quantity) AS BIGINT) FROM lines WHERE {Where(filter)}
            GROUP BY ALL ORDER BY revenue DESC, category LIMIT {limit}
            """).Select(r => new RankedItem((string)r[0]!, (string)r[0]!, (decimal)r[1]!, Convert.ToInt64(r[2], CultureInfo.InvariantCulture))).ToList();

    public FilterValues FilterValues()
    {
        var values = DuckDb.Query($"""
            {Lines}
            SELECT 'country', country_code FROM lines GROUP BY ALL
            UNION ALL SELECT 'category', category FROM lines GROUP BY ALL
            UNION ALL SELECT 'channel', sales_channel FROM lines GROUP BY ALL
            """);
        var days = DuckDb.Query($"{Lines} SELECT CAST(min(t) AS DATE), CAST(max(t) AS DATE) FROM lines").Single();
        IReadOnlyList<string> Of(string kind) => [.. values.Where(v => (string)v[0]! == kind).Select(v => (string)v[1]!).Order(StringComparer.Ordinal)];
        return new FilterValues(Of("country"), Of("category"), Of("channel"), Day(days[0]!), Day(days[1]!));
    }

    public IReadOnlyList<CategorySales> SalesByCategory(QueryFilter filter) =>
        DuckDb.Query($"""
            {Lines}
            SELECT category, sum(net) AS revenue, coalesce(sum(margin), 0), CAST(sum(quantity) AS BIGINT) FROM lines WHERE {Where(filter)}
            GROUP BY ALL ORDER BY revenue DESC, category
            """).Select(r => new CategorySales((string)r[0]!, (decimal)r[1]!, (decimal)r[2]!, Convert.ToInt64(r[3], CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<PlaceRevenue> RevenueByPlace(QueryFilter filter) =>
        DuckDb.Query($"""
            {Lines}
            SELECT l.country_code, l.city_name, l.revenue, coalesce(o.orders, 0) FROM
                (SELECT country_code, city_name, sum(net) AS revenue FROM lines WHERE {Where(filter)} GROUP BY ALL) l
                LEFT JOIN (SELECT country_code, city_name, count(*) AS orders FROM orders WHERE {Where(filter)} GROUP BY ALL) o USING (country_code, city_name)
            ORDER BY 1, 3 DESC, 2
            """).Select(r => new PlaceRevenue((string)r[0]!, (string)r[1]!, (decimal)r[2]!, Convert.ToInt64(r[3], CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<MixItem> Mix(string column, QueryFilter filter) =>
        DuckDb.Query($"""
            {Lines}
            SELECT l.{column}, l.revenue, coalesce(o.orders, 0) FROM
                (SELECT {column}, sum(net) AS revenue FROM lines WHERE {Where(filter)} GROUP BY ALL) l
                LEFT JOIN (SELECT {column}, count(*) AS orders FROM orders WHERE {Where(filter)} GROUP BY ALL) o USING ({column})
            ORDER BY 2 DESC, 1
            """).Select(r => new MixItem((string)r[0]!, (decimal)r[1]!, Convert.ToInt64(r[2], CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<CustomerMixPoint> NewVersusReturning(QueryFilter filter, TimeBucket bucket)
    {
        var unit = bucket == TimeBucket.Hour ? "hour" : "day";
        return DuckDb.Query($"""
            {Lines}
            SELECT l.b, coalesce(o.new_customers, 0), coalesce(o.returning, 0)
            FROM (SELECT DISTINCT date_trunc('{unit}', t) AS b FROM lines WHERE {Where(filter)}) l
            LEFT JOIN (
                SELECT date_trunc('{unit}', t) AS b, count(f.order_id) AS new_customers, count(*) - count(f.order_id) AS returning
                FROM orders o LEFT JOIN firsts f USING (order_id) WHERE {Where(filter)} GROUP BY 1
            ) o USING (b)
            ORDER BY 1
            """).Select(r => new CustomerMixPoint(Utc(r[0]!), Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToInt64(r[2], CultureInfo.InvariantCulture))).ToList();
    }

    public IReadOnlyList<RejectRatePoint> RejectRate(QueryFilter filter) =>
        DuckDb.Query($"""
            WITH days AS (
                SELECT CAST(regexp_extract(filename, 'event_date=([0-9-]+)', 1) AS DATE) AS day, 1 AS fact, 0 AS rejected
                FROM read_parquet('{lake}/DWH/fact_sales/*/*.parquet', filename = true)
                UNION ALL
                SELECT CAST(regexp_extract(filename, 'event_date=([0-9-]+)', 1) AS DATE), 0, 1
                FROM read_parquet('{lake}/DWH/rejected/*/*.parquet', filename = true)
            )
            SELECT day, CAST(sum(fact) AS BIGINT), CAST(sum(rejected) AS BIGINT) FROM days WHERE day >= DATE '{filter.From:yyyy-MM-dd}' AND day < DATE '{filter.To:yyyy-MM-dd}'
            GROUP BY day ORDER BY day
            """).Select(r =>
        {
            var facts = Convert.ToInt64(r[1], CultureInfo.InvariantCulture);
            var rejected = Convert.ToInt64(r[2], CultureInfo.InvariantCulture);
            return new RejectRatePoint(Day(r[0]!), facts, rejected, (double)rejected / (facts + rejected));
        }).ToList();

    private static string Where(QueryFilter filter)
    {
        var where = $"t >= TIMESTAMP '{filter.From:yyyy-MM-dd}' AND t < TIMESTAMP '{filter.To:yyyy-MM-dd}'";
        where += filter.Country is null ? "" : $" AND country_code = '{filter.Country}'";
        where += filter.Category is null ? "" : $" AND category = '{filter.Category}'";
        where += filter.Channel is null ? "" : $" AND sales_channel = '{filter.Channel}'";
        return where;
    }

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
        _ => throw new InvalidCastException(value.GetType().Name),
    };
}
