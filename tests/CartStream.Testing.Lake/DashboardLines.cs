namespace CartStream.Testing.Lake;

/// <summary>
/// The dashboards' raw material computed without the warehouse, for tests that check its answers: a DuckDB
/// <c>WITH</c> clause over the lake's Parquet facts and dimensions with <c>lines</c> (each fact with its place,
/// product, channel and payment method, <c>t</c> its UTC time), <c>orders</c> (one row per order, in the slice of
/// its first line) and <c>firsts</c> (each customer's first order), derived here rather than from any rollup.
/// </summary>
public static class DashboardLines
{
    /// <summary>The <c>WITH</c> clause over the lake at <paramref name="lake"/>; append the query that reads it.</summary>
    public static string Ctes(string lake) => $"""
        WITH lines AS (
            SELECT f.*, timezone('UTC', f.event_time) AS t, co.country_code, ci.city_name, p.product_id, coalesce(p.name, p.product_id) AS product_name,
                   p.category, ch.sales_channel, pm.payment_method
            FROM {DuckDb.Parts(lake, "fact_sales")} f
            JOIN (SELECT DISTINCT ON (address_key) * FROM {DuckDb.Parts(lake, "dim_address")}) a USING (address_key)
            JOIN (SELECT DISTINCT ON (city_key) * FROM {DuckDb.Parts(lake, "dim_city")}) ci USING (city_key)
            JOIN (SELECT DISTINCT ON (country_key) * FROM {DuckDb.Parts(lake, "dim_country")}) co USING (country_key)
            JOIN (SELECT DISTINCT ON (product_key) * FROM {DuckDb.Parts(lake, "dim_product")}) p USING (product_key)
            JOIN (SELECT DISTINCT ON (channel_key) * FROM {DuckDb.Parts(lake, "dim_channel")}) ch USING (channel_key)
            JOIN (SELECT DISTINCT ON (payment_method_key) * FROM {DuckDb.Parts(lake, "dim_payment_method")}) pm USING (payment_method_key)
        ),
        orders AS (
            SELECT order_id, arg_min(t, line_number) AS t, arg_min(event_time, line_number) AS order_time, arg_min(customer_key, line_number) AS customer_key,
                   arg_min(country_code, line_number) AS country_code, arg_min(city_name, line_number) AS city_name,
                   arg_min(category, line_number) AS category, arg_min(sales_channel, line_number) AS sales_channel,
                   arg_min(payment_method, line_number) AS payment_method
            FROM lines GROUP BY order_id
        ),
        firsts AS (SELECT DISTINCT ON (customer_key) order_id FROM orders ORDER BY customer_key, order_time, order_id)
        """;
}
