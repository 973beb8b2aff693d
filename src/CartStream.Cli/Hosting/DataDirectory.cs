namespace CartStream.Cli.Hosting;

/// <summary>
/// The one folder layout every command uses under <c>--data-dir</c> (default <c>./data</c>), so stages started
/// separately find each other's data exactly where the one-command pipeline puts it.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>The default data directory, relative to the working folder.</summary>
    public const string DefaultPath = "data";

    /// <summary>Uses <paramref name="root"/> (made absolute) as the data directory.</summary>
    public DataDirectory(string? root)
    {
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? DefaultPath : root);
    }

    /// <summary>The data directory itself.</summary>
    public string Root { get; }

    /// <summary>The embedded broker's logs and offsets.</summary>
    public string Broker => Path.Combine(Root, "broker");

    /// <summary>The embedded schema registry's store.</summary>
    public string Registry => Path.Combine(Root, "registry");

    /// <summary>The lake root when it is a local folder: <c>topics/</c>, <c>DWH/</c>, <c>_state/</c>.</summary>
    public string Lake => Path.Combine(Root, "lake");

    /// <summary>The embedded DuckDB warehouse file.</summary>
    public string WarehouseFile => Path.Combine(Root, "warehouse", "cartstream.duckdb");

    /// <summary>The generator's dirty-record labels, which no stage of the pipeline reads.</summary>
    public string LabelsFile => Path.Combine(Root, "generator", "labels.jsonl");

    /// <summary>The producer's record of the stream it is generating, so a restarted run continues it.</summary>
    public string GeneratorRunStateFile => Path.Combine(Root, "generator", "run.json");

    /// <summary>Rolling log files.</summary>
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>The summary a bounded run writes.</summary>
    public string RunSummaryFile => Path.Combine(Root, "run-summary.json");

    /// <summary>Creates the folder that holds <paramref name="path"/> (a file) and returns the path.</summary>
    public static string EnsureParent(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
