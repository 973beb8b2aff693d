using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CartStream.Warehouse.Loading;
using CartStream.Warehouse.Schema;

namespace CartStream.Warehouse.Redshift;

/// <summary>
/// SQL for loading the lake into Amazon Redshift: the tables with their distribution and sort keys, a stage table
/// per lake table filled by <c>COPY ... FORMAT AS PARQUET MANIFEST</c> straight from S3, and the merge into the
/// targets (docs/warehouse.md explains the choices). Generated text only: running it needs a Redshift cluster.
/// </summary>
public static partial class RedshiftSql
{
    /// <summary>CREATE TABLE IF NOT EXISTS for every warehouse table.</summary>
    public static IReadOnlyList<string> CreateTables() => WarehouseTables.All.Select(t => SqlDialect.Redshift.CreateTable(t)).ToList();

    /// <summary>The stage table of a lake table: exactly the Parquet file's columns, as COPY from Parquet matches them by position.</summary>
    public static string CreateStage(string lakeTable, string? name = null)
    {
        var table = LakeTables.All.Single(t => t.Name == lakeTable);
        return SqlDialect.Redshift.CreateTable(table with { Name = name ?? "stage_" + lakeTable }, temporary: true);
    }

    /// <summary>A COPY manifest listing <paramref name="files"/> under <paramref name="s3Root"/>; Parquet needs each file's content length.</summary>
    public static string ManifestJson(string s3Root, IEnumerable<RedshiftFile> files)
    {
        var json = new StringBuilder("{\"entries\":[");
        var first = true;
        foreach (var file in files)
        {
            json.Append(first ? "\n" : ",\n");
            json.Append(CultureInfo.InvariantCulture, $"  {{\"url\":\"{JsonText(Url(s3Root, file.Key))}\",\"mandatory\":true,\"meta\":{{\"content_length\":{file.Size}}}}}");
            first = false;
        }

        return json.Append("\n]}\n").ToString();
    }

    /// <summary>The COPY of the files a manifest lists into <paramref name="table"/>.</summary>
    public static string Copy(string table, string manifestUrl, string iamRole) =>
        $"COPY {table}\nFROM '{S3Url(manifestUrl)}'\nIAM_ROLE '{IamRole(iamRole)}'\nFORMAT AS PARQUET\nMANIFEST";

    /// <summary>The merge of the stage tables into the targets.</summary>
    public static IReadOnlyList<string> Merge() => RedshiftMergeSql.Merge(SqlDialect.Redshift).ToList();

    /// <summary>
    /// The whole load of one batch: <paramref name="s3Root"/> is the lake (<c>s3://bucket/prefix</c>),
    /// <paramref name="manifestRoot"/> where the COPY manifests go.
    /// </summary>
    public static RedshiftLoadPlan Plan(string batchId, IReadOnlyList<RedshiftFile> files, string s3Root, string manifestRoot, string iamRole)
    {
        var manifests = new List<RedshiftManifest>();
        var statements = new List<string> { "BEGIN" };
        foreach (var table in LakeTables.All)
        {
            statements.Add($"DROP TABLE IF EXISTS stage_{table.Name}");
            statements.Add(table == LakeTables.Rejected
                ? SqlDialect.Redshift.CreateTable(MergeSql.StageOf(table), temporary: true)
                : CreateStage(table.Name));
        }

        statements.Add("DROP TABLE IF EXISTS stage_rejected_file");
        statements.Add(CreateStage(LakeTables.Rejected.Name, "stage_rejected_file"));
        var byTable = files.Select(f => (File: f, Table: LakeTables.OfKey(f.Key))).Where(f => f.Table is not null).GroupBy(f => f.Table!.Name);
        foreach (var group in byTable.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.Key != LakeTables.Rejected.Name)
            {
                var url = $"{S3Url(manifestRoot).TrimEnd('/')}/{batchId}/{group.Key}.manifest.json";
                manifests.Add(new RedshiftManifest(url, ManifestJson(s3Root, group.Select(g => g.File))));
                statements.Add(Copy($"stage_{group.Key}", url, iamRole));
                continue;
            }

            // Rejected rows take their event date from the file's folder, which COPY cannot read: one COPY per date.
            foreach (var day in group.GroupBy(g => LakeTables.EventDateOf(g.File.Key)).OrderBy(d => d.Key))
            {
                var date = day.Key ?? throw new ArgumentException($"{day.First().File.Key}: a rejected file outside an event_date= folder", nameof(files));
                var url = $"{S3Url(manifestRoot).TrimEnd('/')}/{batchId}/rejected-{date:yyyy-MM-dd}.manifest.json";
                manifests.Add(new RedshiftManifest(url, ManifestJson(s3Root, day.Select(g => g.File))));
                statements.Add(Copy("stage_rejected_file", url, iamRole));
                statements.Add($"INSERT INTO stage_rejected SELECT {LakeTables.Rejected.ColumnList}, DATE '{date:yyyy-MM-dd}' FROM stage_rejected_file");
                statements.Add("DELETE FROM stage_rejected_file");
            }
        }

        statements.AddRange(Merge());
        foreach (var file in files.Where(f => LakeTables.OfKey(f.Key) is not null))
        {
            // COPY does not report rows per file here: -1 (STL_LOAD_COMMITS has them).
            statements.Add(string.Create(CultureInfo.InvariantCulture,
                $"DELETE FROM load_manifest WHERE file_key = {Text(file.Key)}"));
            statements.Add(string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO load_manifest (file_key, etag, size, table_name, rows, batch_id, loaded_at) VALUES ({Text(file.Key)}, {Text(file.ETag)}, {file.Size}, {Text(LakeTables.OfKey(file.Key)!.Name)}, -1, {Text(batchId)}, CURRENT_TIMESTAMP)"));
        }

        statements.Add("COMMIT");
        return new RedshiftLoadPlan(manifests, statements);
    }

    private static string Url(string s3Root, string key) => $"{S3Url(s3Root).TrimEnd('/')}/{key}";

    private static string S3Url(string url) =>
        url.StartsWith("s3://", StringComparison.Ordinal) && !url.Contains('\'', StringComparison.Ordinal) && !url.Contains('"', StringComparison.Ordinal)
            ? url
            : throw new ArgumentException($"Not an s3:// URL without quotes: {url}", nameof(url));

    private static string IamRole(string role) =>
        IamRolePattern().IsMatch(role) ? role : throw new ArgumentException($"Not an IAM role ARN: {role}", nameof(role));

    private static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string JsonText(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$")]
    private static partial Regex IamRolePattern();
}
