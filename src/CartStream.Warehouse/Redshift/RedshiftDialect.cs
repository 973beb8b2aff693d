using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Redshift;

/// <summary>
/// Redshift: keys are declared but not enforced (the merge enforces them), and each table says how it is spread
/// over the slices and sorted. The choices are explained in docs/warehouse.md.
/// </summary>
internal sealed class RedshiftDialect : SqlDialect
{
    private static readonly HashSet<string> SmallTables = ["dim_date", "dim_payment_method", "dim_channel", "dim_order_status", "dim_currency", "dim_city", "dim_country", "dim_product"];

    public override string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "VARCHAR(256)",
        ColumnType.Int => "INTEGER",
        ColumnType.BigInt => "BIGINT",
        ColumnType.Money => "DECIMAL(18,4)",
        ColumnType.Fraction => "DECIMAL(9,4)",
        ColumnType.Rate => "DECIMAL(18,6)",
        ColumnType.Total => "DECIMAL(38,4)",
        ColumnType.TimestampUtc => "TIMESTAMPTZ",
        ColumnType.Date => "DATE",
        ColumnType.Bool => "BOOLEAN",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public override string Parameter(string name) => ":" + name;

    public override string PartitionOfSourceFile(string column) =>
        $"coalesce(CAST(NULLIF(REGEXP_SUBSTR({column}, '\\+([0-9]+)\\+[0-9]+\\.avro$', 1, 1, 'e'), '') AS INTEGER), -1)";

    public override string CreateTable(Table table, bool temporary = false)
    {
        // Rejected rows keep the original record, which can be long: Redshift's widest VARCHAR.
        var sql = base.CreateTable(table, temporary);
        return table.Name is "rejected" or "stage_rejected"
            ? sql.Replace("    original VARCHAR(256)", "    original VARCHAR(65535)", StringComparison.Ordinal)
                .Replace("    detail VARCHAR(256)", "    detail VARCHAR(65535)", StringComparison.Ordinal)
            : sql;
    }

    protected override string TableSuffix(Table table) => table.Name switch
    {
        // The fact table is spread by customer: its largest join (dim_customer, same key) and the new-customer
        // rollup stay on one slice; sorted by time, so the dashboards' date ranges read only their blocks.
        "fact_sales" => "\nDISTSTYLE KEY DISTKEY (customer_key)\nCOMPOUND SORTKEY (event_time, event_id)",
        "dim_customer" or "customer_first_order" => "\nDISTSTYLE KEY DISTKEY (customer_key)\nSORTKEY (customer_key)",
        "dim_address" => "\nDISTSTYLE KEY DISTKEY (address_key)\nSORTKEY (address_key)",
        "fact_order" => "\nDISTSTYLE KEY DISTKEY (customer_key)\nSORTKEY (order_hour)",
        "rejected" => "\nDISTSTYLE EVEN\nSORTKEY (event_date)",
        "agg_sales_hourly" => "\nDISTSTYLE EVEN\nSORTKEY (bucket_hour)",
        "agg_sales_daily" or "agg_product_daily" or "agg_quality_daily" => "\nDISTSTYLE EVEN\nSORTKEY (bucket_day)",
        "load_manifest" or "load_quarantine" => "\nDISTSTYLE ALL",
        _ when SmallTables.Contains(table.Name) => "\nDISTSTYLE ALL",
        _ => "",
    };
}
