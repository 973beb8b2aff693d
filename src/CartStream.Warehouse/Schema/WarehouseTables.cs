namespace CartStream.Warehouse.Schema;

/// <summary>Every table of the warehouse: the lake's model plus the load's bookkeeping and the rollups kept at load time.</summary>
public static class WarehouseTables
{
    /// <summary>The fact table, <c>event_id</c> its primary key (a second copy of an event can never be inserted).</summary>
    public static readonly Table FactSales = LakeTables.FactSales;

    /// <summary>Rejected rows: the lake's columns plus the lake's <c>event_date</c> folder; one row per source place.</summary>
    public static readonly Table Rejected = LakeTables.Rejected with
    {
        Columns = [.. LakeTables.Rejected.Columns, new Column("event_date", ColumnType.Date)],
        UniqueKeys = [["source_file", "source_offset"]],
    };

    /// <summary>Every lake file loaded (and every quality report whose files were all loaded).</summary>
    public static readonly Table LoadManifest = new("load_manifest",
    [
        new("file_key", ColumnType.Text), new("etag", ColumnType.Text), new("size", ColumnType.BigInt),
        new("table_name", ColumnType.Text), new("rows", ColumnType.BigInt), new("batch_id", ColumnType.Text),
        new("loaded_at", ColumnType.TimestampUtc),
    ], ["file_key"]);

    /// <summary>Batches that could not be loaded (bad Parquet, a missing file), with the file and the error.</summary>
    public static readonly Table LoadQuarantine = new("load_quarantine",
    [
        new("batch_key", ColumnType.Text), new("batch_etag", ColumnType.Text), new("file_key", ColumnType.Text, true),
        new("error", ColumnType.Text), new("quarantined_at", ColumnType.TimestampUtc),
    ], ["batch_key", "batch_etag"]);

    /// <summary>One row per order, described by its first loaded line: what orders and new customers are counted from.</summary>
    public static readonly Table FactOrder = new("fact_order",
    [
        new("order_id", ColumnType.Text), new("order_time", ColumnType.TimestampUtc), new("order_hour", ColumnType.TimestampUtc),
        new("customer_key", ColumnType.BigInt), new("country_code", ColumnType.Text), new("city_name", ColumnType.Text),
        new("category", ColumnType.Text), new("sales_channel", ColumnType.Text), new("payment_method", ColumnType.Text),
    ], ["order_id"]);

    /// <summary>Each customer's first order (earliest order time, then order id).</summary>
    public static readonly Table CustomerFirstOrder = new("customer_first_order",
    [
        new("customer_key", ColumnType.BigInt), new("order_id", ColumnType.Text), new("order_time", ColumnType.TimestampUtc),
    ], ["customer_key"]);

    /// <summary>Sales by hour and the filters' dimensions (country, category, channel): the time series.</summary>
    public static readonly Table AggSalesHourly = new("agg_sales_hourly",
    [
        new("bucket_hour", ColumnType.TimestampUtc), new("bucket_day", ColumnType.Date), new("country_code", ColumnType.Text),
        new("category", ColumnType.Text), new("sales_channel", ColumnType.Text),
        new("lines", ColumnType.BigInt), new("units", ColumnType.BigInt), new("gross", ColumnType.Total), new("net", ColumnType.Total),
        new("cost", ColumnType.Total, true), new("margin", ColumnType.Total, true), new("orders", ColumnType.BigInt),
        new("new_customer_orders", ColumnType.BigInt),
    ], ["bucket_hour", "country_code", "category", "sales_channel"]);

    /// <summary>Sales by day, place and the mixes' dimensions: categories, countries and cities, payment methods, channels.</summary>
    public static readonly Table AggSalesDaily = new("agg_sales_daily",
    [
        new("bucket_day", ColumnType.Date), new("country_code", ColumnType.Text), new("city_name", ColumnType.Text),
        new("category", ColumnType.Text), new("sales_channel", ColumnType.Text), new("payment_method", ColumnType.Text),
        new("lines", ColumnType.BigInt), new("units", ColumnType.BigInt), new("net", ColumnType.Total),
        new("margin", ColumnType.Total, true), new("orders", ColumnType.BigInt),
    ], ["bucket_day", "country_code", "city_name", "category", "sales_channel", "payment_method"]);

    /// <summary>Sales by day and product (with the filters' dimensions).</summary>
    public static readonly Table AggProductDaily = new("agg_product_daily",
    [
        new("bucket_day", ColumnType.Date), new("product_key", ColumnType.BigInt), new("country_code", ColumnType.Text),
        new("sales_channel", ColumnType.Text), new("category", ColumnType.Text), new("lines", ColumnType.BigInt),
        new("units", ColumnType.BigInt), new("net", ColumnType.Total), new("margin", ColumnType.Total, true),
    ], ["bucket_day", "product_key", "country_code", "sales_channel", "category"]);

    /// <summary>Facts and rejected rows by the lake's event date, for the reject rate.</summary>
    public static readonly Table AggQualityDaily = new("agg_quality_daily",
    [
        new("bucket_day", ColumnType.Date), new("facts", ColumnType.BigInt), new("rejected", ColumnType.BigInt),
    ], ["bucket_day"]);

    /// <summary>The rollups, each added to at load time by the batch's deltas.</summary>
    public static IReadOnlyList<Table> Rollups => [AggSalesHourly, AggSalesDaily, AggProductDaily, AggQualityDaily];

    /// <summary>Every table, in creation order.</summary>
    public static IEnumerable<Table> All =>
        [FactSales, Rejected, .. LakeTables.Dimensions, LoadManifest, LoadQuarantine, FactOrder, CustomerFirstOrder, AggSalesHourly, AggSalesDaily, AggProductDaily, AggQualityDaily];
}
