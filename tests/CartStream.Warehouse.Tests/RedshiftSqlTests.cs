using CartStream.Warehouse.Redshift;

namespace CartStream.Warehouse.Tests;

/// <summary>The Redshift SQL as text: the exact statements a cluster would run.</summary>
public sealed class RedshiftSqlTests
{
    private const string Role = "arn:aws:iam::123456789012:role/cartstream-loader";

    [Fact]
    public void The_fact_table_is_distributed_by_customer_and_sorted_by_time_with_its_key_declared()
    {
        var ddl = RedshiftSql.CreateTables().Single(s => s.Contains(" fact_sales (", StringComparison.Ordinal));
        Assert.Equal(
            """
            CREATE TABLE IF NOT EXISTS fact_sales (
                event_id VARCHAR(256) NOT NULL,
                order_id VARCHAR(256) NOT NULL,
                line_number INTEGER NOT NULL,
                date_key INTEGER NOT NULL,
                event_time TIMESTAMPTZ NOT NULL,
                customer_key BIGINT NOT NULL,
                product_key BIGINT NOT NULL,
                address_key BIGINT NOT NULL,
                payment_method_key BIGINT NOT NULL,
                channel_key BIGINT NOT NULL,
                order_status_key BIGINT NOT NULL,
                currency_key BIGINT NOT NULL,
                promotion_code VARCHAR(256),
                quantity INTEGER NOT NULL,
                unit_price DECIMAL(18,4) NOT NULL,
                discount DECIMAL(9,4) NOT NULL,
                gross DECIMAL(18,4) NOT NULL,
                discount_amount DECIMAL(18,4) NOT NULL,
                net DECIMAL(18,4) NOT NULL,
                cost DECIMAL(18,4),
                margin DECIMAL(18,4),
                source_file VARCHAR(256) NOT NULL,
                source_offset BIGINT NOT NULL,
                PRIMARY KEY (event_id)
            )
            DISTSTYLE KEY DISTKEY (customer_key)
            COMPOUND SORTKEY (event_time, event_id)
            """,
            ddl);
        Assert.Contains(RedshiftSql.CreateTables(), s => s.StartsWith("CREATE TABLE IF NOT EXISTS dim_country (", StringComparison.Ordinal) && s.EndsWith("DISTSTYLE ALL", StringComparison.Ordinal));
        Assert.Contains(RedshiftSql.CreateTables(), s => s.Contains("    original VARCHAR(65535) NOT NULL,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_reads_the_manifest_s_Parquet_files_with_the_IAM_role()
    {
        Assert.Equal(
            """
            COPY stage_fact_sales
            FROM 's3://acme-lake/manifests/b1/fact_sales.manifest.json'
            IAM_ROLE 'arn:aws:iam::123456789012:role/cartstream-loader'
            FORMAT AS PARQUET
            MANIFEST
            """,
            RedshiftSql.Copy("stage_fact_sales", "s3://acme-lake/manifests/b1/fact_sales.manifest.json", Role));
        Assert.Throws<ArgumentException>(() => RedshiftSql.Copy("stage_fact_sales", "s3://acme-lake/m.json", "arn:aws:iam::1:role/x' --"));
        Assert.Throws<ArgumentException>(() => RedshiftSql.Copy("stage_fact_sales", "https://acme-lake/m.json", Role));
    }

    [Fact]
    public void A_manifest_lists_every_file_as_mandatory_with_its_content_length()
    {
        Assert.Equal(
            """
            {"entries":[
              {"url":"s3://acme-lake/cartstream/DWH/fact_sales/event_date=2026-01-01/part-a.parquet","mandatory":true,"meta":{"content_length":1234}},
              {"url":"s3://acme-lake/cartstream/DWH/fact_sales/event_date=2026-01-02/part-a.parquet","mandatory":true,"meta":{"content_length":99}}
            ]}

            """.ReplaceLineEndings("\n"),
            RedshiftSql.ManifestJson("s3://acme-lake/cartstream/",
            [
                new RedshiftFile("DWH/fact_sales/event_date=2026-01-01/part-a.parquet", 1234, "e1"),
                new RedshiftFile("DWH/fact_sales/event_date=2026-01-02/part-a.parquet", 99, "e2"),
            ]));
    }

    [Fact]
    public void A_batch_plan_copies_each_table_once_and_rejected_rows_once_per_event_date_inside_one_transaction()
    {
        var plan = RedshiftSql.Plan("b1",
        [
            new RedshiftFile("DWH/fact_sales/event_date=2026-01-01/part-b1.parquet", 1000, "e1"),
            new RedshiftFile("DWH/rejected/event_date=2026-01-01/part-b1.parquet", 200, "e2"),
            new RedshiftFile("DWH/rejected/event_date=2026-05-30/part-b1.parquet", 100, "e3"),
            new RedshiftFile("DWH/dim_product/part-b1.parquet", 300, "e4"),
        ], "s3://acme-lake/cartstream", "s3://acme-lake/cartstream/_state/redshift", Role);

        Assert.Equal(
            [
                "s3://acme-lake/cartstream/_state/redshift/b1/dim_product.manifest.json",
                "s3://acme-lake/cartstream/_state/redshift/b1/fact_sales.manifest.json",
                "s3://acme-lake/cartstream/_state/redshift/b1/rejected-2026-01-01.manifest.json",
                "s3://acme-lake/cartstream/_state/redshift/b1/rejected-2026-05-30.manifest.json",
            ],
            plan.Manifests.Select(m => m.Url));
        Assert.Equal("BEGIN", plan.Statements[0]);
        Assert.Equal("COMMIT", plan.Statements[^1]);
        var copies = plan.Statements.Where(s => s.StartsWith("COPY ", StringComparison.Ordinal)).Select(s => s.Split('\n')[0]).ToList();
        Assert.Equal(["COPY stage_dim_product", "COPY stage_fact_sales", "COPY stage_rejected_file", "COPY stage_rejected_file"], copies);
        var dated = plan.Statements.Where(s => s.StartsWith("INSERT INTO stage_rejected ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            "INSERT INTO stage_rejected SELECT event_id, rule_codes, original_format, original, detail, source_file, source_partition, source_offset, event_time, rejected_at, DATE '2026-05-30' FROM stage_rejected_file",
            dated[1]);
        Assert.Contains(
            "INSERT INTO load_manifest (file_key, etag, size, table_name, rows, batch_id, loaded_at) VALUES ('DWH/dim_product/part-b1.parquet', 'e4', 300, 'dim_product', -1, 'b1', CURRENT_TIMESTAMP)",
            plan.Statements);
    }

    [Fact]
    public void Dimensions_are_replaced_by_key_and_facts_insert_only_event_ids_not_yet_present()
    {
        var merge = RedshiftSql.Merge();
        Assert.Equal("DELETE FROM dim_channel USING stage_dim_channel s WHERE dim_channel.channel_key = s.channel_key", merge[8]);
        Assert.Equal(
            """
            INSERT INTO dim_channel (channel_key, sales_channel, device)
            SELECT channel_key, sales_channel, device FROM (
                SELECT channel_key, sales_channel, device, ROW_NUMBER() OVER (PARTITION BY channel_key ORDER BY channel_key) AS rn FROM stage_dim_channel
            ) s WHERE rn = 1
            """,
            merge[9]);
        Assert.Contains(
            """
            CREATE TEMP TABLE new_fact AS
            SELECT b.* FROM batch_fact b
            WHERE b.copy_number = 1 AND NOT EXISTS (SELECT 1 FROM fact_sales f WHERE f.event_id = b.event_id)
            """,
            merge);
        Assert.Contains(merge, s => s.Contains("REGEXP_SUBSTR(b.source_file, '\\+([0-9]+)\\+[0-9]+\\.avro$', 1, 1, 'e')", StringComparison.Ordinal));
        Assert.DoesNotContain(merge, s => s.Contains("ON CONFLICT", StringComparison.Ordinal) || s.Contains("DISTINCT ON", StringComparison.Ordinal));
    }
}
