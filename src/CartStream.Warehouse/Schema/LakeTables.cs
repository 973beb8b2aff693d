namespace CartStream.Warehouse.Schema;

/// <summary>
/// The transform's documented output (docs/transform.md, "The model"): the tables the lake holds under
/// <c>DWH/</c> and the Parquet columns the warehouse reads from each. The warehouse depends on this contract only.
/// </summary>
public static class LakeTables
{
    /// <summary>The fact table; its files are under <c>DWH/fact_sales/event_date=YYYY-MM-DD/</c>.</summary>
    public static readonly Table FactSales = new("fact_sales",
    [
        new("event_id", ColumnType.Text), new("order_id", ColumnType.Text), new("line_number", ColumnType.Int),
        new("date_key", ColumnType.Int), new("event_time", ColumnType.TimestampUtc),
        new("customer_key", ColumnType.BigInt), new("product_key", ColumnType.BigInt), new("address_key", ColumnType.BigInt),
        new("payment_method_key", ColumnType.BigInt), new("channel_key", ColumnType.BigInt),
        new("order_status_key", ColumnType.BigInt), new("currency_key", ColumnType.BigInt),
        new("promotion_code", ColumnType.Text, true), new("quantity", ColumnType.Int),
        new("unit_price", ColumnType.Money), new("discount", ColumnType.Fraction), new("gross", ColumnType.Money),
        new("discount_amount", ColumnType.Money), new("net", ColumnType.Money), new("cost", ColumnType.Money, true),
        new("margin", ColumnType.Money, true), new("source_file", ColumnType.Text), new("source_offset", ColumnType.BigInt),
    ], ["event_id"]);

    /// <summary>Rejected rows; files under <c>DWH/rejected/event_date=YYYY-MM-DD/</c>.</summary>
    public static readonly Table Rejected = new("rejected",
    [
        new("event_id", ColumnType.Text, true), new("rule_codes", ColumnType.Text), new("original_format", ColumnType.Text),
        new("original", ColumnType.Text), new("detail", ColumnType.Text, true), new("source_file", ColumnType.Text),
        new("source_partition", ColumnType.Int), new("source_offset", ColumnType.BigInt),
        new("event_time", ColumnType.TimestampUtc, true), new("rejected_at", ColumnType.TimestampUtc),
    ], []);

    /// <summary>The dimensions, each keyed by its first column.</summary>
    public static readonly IReadOnlyList<Table> Dimensions =
    [
        new("dim_date",
        [
            new("date_key", ColumnType.Int), new("date", ColumnType.Date), new("year", ColumnType.Int), new("quarter", ColumnType.Int),
            new("month", ColumnType.Int), new("month_name", ColumnType.Text), new("day", ColumnType.Int), new("day_of_week", ColumnType.Int),
            new("day_name", ColumnType.Text), new("iso_week", ColumnType.Int), new("is_weekend", ColumnType.Bool),
        ], ["date_key"]),
        new("dim_customer",
        [
            new("customer_key", ColumnType.BigInt), new("customer_id", ColumnType.Text), new("name", ColumnType.Text, true),
            new("email", ColumnType.Text), new("segment", ColumnType.Text), new("signup_date", ColumnType.Date, true),
        ], ["customer_key"]),
        new("dim_product",
        [
            new("product_key", ColumnType.BigInt), new("product_id", ColumnType.Text), new("name", ColumnType.Text, true),
            new("category", ColumnType.Text), new("subcategory", ColumnType.Text), new("brand", ColumnType.Text),
        ], ["product_key"]),
        new("dim_payment_method", [new("payment_method_key", ColumnType.BigInt), new("payment_method", ColumnType.Text)], ["payment_method_key"]),
        new("dim_channel", [new("channel_key", ColumnType.BigInt), new("sales_channel", ColumnType.Text), new("device", ColumnType.Text)], ["channel_key"]),
        new("dim_order_status", [new("order_status_key", ColumnType.BigInt), new("order_status", ColumnType.Text)], ["order_status_key"]),
        new("dim_currency",
        [
            new("currency_key", ColumnType.BigInt), new("currency_code", ColumnType.Text), new("currency_name", ColumnType.Text),
            new("usd_per_unit", ColumnType.Rate), new("minor_units", ColumnType.Int),
        ], ["currency_key"]),
        new("dim_address",
        [
            new("address_key", ColumnType.BigInt), new("street", ColumnType.Text, true), new("postal_code", ColumnType.Text, true),
            new("city_key", ColumnType.BigInt),
        ], ["address_key"]),
        new("dim_city", [new("city_key", ColumnType.BigInt), new("city_name", ColumnType.Text), new("country_key", ColumnType.BigInt)], ["city_key"]),
        new("dim_country",
        [
            new("country_key", ColumnType.BigInt), new("country_code", ColumnType.Text), new("country_name", ColumnType.Text),
            new("currency_code", ColumnType.Text),
        ], ["country_key"]),
    ];

    /// <summary>Every lake table the warehouse loads, facts first.</summary>
    public static IEnumerable<Table> All => Dimensions.Prepend(Rejected).Prepend(FactSales);

    /// <summary>The lake table a <c>DWH/&lt;table&gt;/...parquet</c> key belongs to, or null for any other key.</summary>
    public static Table? OfKey(string key)
    {
        var parts = key.Split('/');
        var dwh = Array.IndexOf(parts, "DWH");
        if (dwh < 0 || dwh + 2 >= parts.Length || !key.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return null;
        }

        return All.FirstOrDefault(t => t.Name == parts[dwh + 1]);
    }

    /// <summary>The <c>event_date=YYYY-MM-DD</c> folder of a fact or rejected key, or null.</summary>
    public static DateOnly? EventDateOf(string key)
    {
        const string marker = "/event_date=";
        var at = key.IndexOf(marker, StringComparison.Ordinal);
        return at >= 0 && DateOnly.TryParseExact(key.AsSpan(at + marker.Length, 10), "yyyy-MM-dd", out var date) ? date : null;
    }
}
