using System.Globalization;
using CartStream.Testing.Lake;

namespace CartStream.Web.Tests;

/// <summary>
/// The dashboards' numbers computed without the warehouse: DuckDB straight over the lake's Parquet facts and
/// dimensions, orders and first orders derived here from the lines (an order counts in the slice of its first line).
/// </summary>
public sealed class IndependentSql(string lake)
{
    public sealed record Totals(decimal Revenue, decimal Margin, long Orders, long Units, long NewCustomers);

    public sealed record Row(string Name, decimal Revenue, long Count);

    private string Ctes => DashboardLines.Ctes(lake);

    public (DateOnly First, DateOnly Last) Days()
    {
        var row = DuckDb.Query($"SELECT CAST(min(timezone('UTC', event_time)) AS DATE), CAST(max(timezone('UTC', event_time)) AS DATE) FROM {DuckDb.Parts(lake, "fact_sales")}").Single();
        return (Day(row[0]!), Day(row[1]!));
    }

    public Totals Sum(Slice slice)
    {
        var r = DuckDb.Query($"""
            {Ctes}
            SELECT (SELECT coalesce(sum(net), 0) FROM lines WHERE {Where(slice)}), (SELECT coalesce(sum(margin), 0) FROM lines WHERE {Where(slice)}),
                   (SELECT count(*) FROM orders WHERE {Where(slice)}), (SELECT coalesce(sum(quantity), 0) FROM lines WHERE {Where(slice)}),
                   (SELECT count(*) FROM orders WHERE {Where(slice)} AND order_id IN (SELECT order_id FROM firsts))
            """).Single();
        return new Totals(Dec(r[0]), Dec(r[1]), Long(r[2]), Long(r[3]), Long(r[4]));
    }

    public IReadOnlyList<Row> TopProducts(Slice slice, int n) => Rows($"""
        {Ctes} SELECT product_id, sum(net) AS revenue, sum(quantity) FROM lines WHERE {Where(slice)} GROUP BY 1 ORDER BY revenue DESC, product_id LIMIT {n}
        """);

    public IReadOnlyList<Row> TopCategories(Slice slice, int n) => Rows($"""
        {Ctes} SELECT category, sum(net) AS revenue, sum(quantity) FROM lines WHERE {Where(slice)} GROUP BY 1 ORDER BY revenue DESC, category LIMIT {n}
        """);

    /// <summary>Countries (or, with a country in the slice, its cities) with revenue and orders, largest first.</summary>
    public IReadOnlyList<Row> Places(Slice slice)
    {
        var column = slice.Country is null ? "country_code" : "city_name";
        return Rows($"""
            {Ctes}
            SELECT l.k, l.revenue, coalesce(o.n, 0) FROM
                (SELECT {column} AS k, sum(net) AS revenue FROM lines WHERE {Where(slice)} GROUP BY 1) l
                LEFT JOIN (SELECT {column} AS k, count(*) AS n FROM orders WHERE {Where(slice)} GROUP BY 1) o USING (k)
            ORDER BY 2 DESC, 1
            """);
    }

    public IReadOnlyList<Row> Mix(string column, Slice slice) => Rows($"""
        {Ctes}
        SELECT l.k, l.revenue, coalesce(o.n, 0) FROM
            (SELECT {column} AS k, sum(net) AS revenue FROM lines WHERE {Where(slice)} GROUP BY 1) l
            LEFT JOIN (SELECT {column} AS k, count(*) AS n FROM orders WHERE {Where(slice)} GROUP BY 1) o USING (k)
        ORDER BY 2 DESC, 1
        """);

    /// <summary>Rejected / (facts + rejected) over the days, by the day in each file's partition folder.</summary>
    public decimal RejectRate(DateOnly from, DateOnly to)
    {
        var r = DuckDb.Query($"""
            WITH days AS (
                SELECT CAST(regexp_extract(filename, 'event_date=([0-9-]+)', 1) AS DATE) AS day, 1 AS fact, 0 AS rejected FROM read_parquet('{lake}/DWH/fact_sales/*/*.parquet', filename = true)
                UNION ALL
                SELECT CAST(regexp_extract(filename, 'event_date=([0-9-]+)', 1) AS DATE), 0, 1 FROM read_parquet('{lake}/DWH/rejected/*/*.parquet', filename = true))
            SELECT coalesce(sum(fact), 0), coalesce(sum(rejected), 0) FROM days WHERE day BETWEEN DATE '{D(from)}' AND DATE '{D(to)}'
            """).Single();
        var facts = Long(r[0]);
        var rejected = Long(r[1]);
        return facts + rejected == 0 ? 0 : Math.Round((decimal)rejected / (facts + rejected), 6, MidpointRounding.AwayFromZero);
    }

    private static List<Row> Rows(string sql) => [.. DuckDb.Query(sql).Select(r => new Row((string)r[0]!, Dec(r[1]), Long(r[2])))];

    private static string Where(Slice s) =>
        $"t >= TIMESTAMP '{D(s.From)}' AND t < TIMESTAMP '{D(s.To.AddDays(1))}'" +
        (s.Country is null ? "" : $" AND country_code = '{s.Country}'") +
        (s.Category is null ? "" : $" AND category = '{s.Category}'") +
        (s.Channel is null ? "" : $" AND sales_channel = '{s.Channel}'");

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Dec(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static long Long(object? value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static DateOnly Day(object value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        _ => throw new InvalidCastException(value.GetType().Name),
    };
}
