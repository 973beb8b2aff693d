using System.Diagnostics;
using System.Globalization;
using CartStream.Lake.Storage;
using CartStream.Testing.Lake;
using CartStream.Warehouse.Loading;
using Npgsql;

namespace CartStream.Warehouse.Benchmark;

/// <summary>
/// dotnet run -c Release --project benchmarks/CartStream.Warehouse.Benchmark -- [events] [folder]
/// Builds a lake of generated events (2 % dirty) through the transform, loads it into DuckDB and, when
/// CARTSTREAM_TEST_POSTGRES is set, into a fresh PostgreSQL database; prints load rows/s and query p50/p95.
/// With CARTSTREAM_BENCH_QUERY_DUCKDB=path it only times the dashboard queries on that existing DuckDB warehouse.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (Environment.GetEnvironmentVariable("CARTSTREAM_BENCH_QUERY_DUCKDB") is { } existing)
        {
            // Query latency on a warehouse built before (e.g. the web benchmark's kept 10M-fact DuckDB file):
            // a 10M-fact lake takes tens of minutes to build on this machine.
            await QueryLatency.MeasureAsync("DuckDB", new WarehouseOptions { DuckDbPath = existing, DuckDbMemoryLimit = "2GB", DuckDbThreads = 2 });
            return 0;
        }

        var events = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"cartstream-bench-warehouse-{events}");
        var lake = Path.Combine(root, "lake");
        Directory.CreateDirectory(lake);
        using var store = new LocalObjectStore(lake);
        if (!Directory.Exists(Path.Combine(lake, "DWH")))
        {
            var clock = Stopwatch.StartNew();
            var generator = GeneratedLake.Generator(seed: 11, dirtyRatio: 0.02, eventsPerDay: 50_000);
            await GeneratedLake.LandStreamingAsync(store, generator, events, partitions: 8, recordsPerFile: 25_000, CancellationToken.None);
            var reports = await GeneratedLake.TransformAsync(store, filesPerBatch: 8, CancellationToken.None);
            Console.WriteLine($"lake: {events:N0} events -> {reports.Sum(r => r.Facts):N0} facts, {reports.Sum(r => r.Rejected):N0} rejected in {reports.Count} batches ({clock.Elapsed.TotalSeconds:F0} s to build)");
        }

        var duckDb = new WarehouseOptions
        {
            DuckDbPath = Path.Combine(root, $"warehouse-{Guid.NewGuid():N}.duckdb"), DuckDbMemoryLimit = "2GB", DuckDbThreads = 2,
            StagingDirectory = Path.Combine(root, "staging"),
        };
        await MeasureAsync("DuckDB", store, duckDb);
        BareDuckDb(lake);
        File.Delete(duckDb.DuckDbPath);

        var admin = Environment.GetEnvironmentVariable("CARTSTREAM_TEST_POSTGRES");
        if (admin is not null)
        {
            var name = $"cartstream_bench_{Guid.NewGuid():N}";
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
            try
            {
                var postgres = new WarehouseOptions
                {
                    Backend = WarehouseBackend.Postgres, StagingDirectory = duckDb.StagingDirectory,
                    PostgresConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
                };
                await MeasureAsync("PostgreSQL", store, postgres);
            }
            finally
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string backend, IObjectStore store, WarehouseOptions options)
    {
        var steps = new StepTimes();
        var postmaster = options.PostgresConnectionString is { } cs ? await ServerCpu.PostmasterAsync(cs) : null;
        var serverCpu = postmaster is { } pm ? ServerCpu.Seconds(pm) : 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        LoadSummary summary;
        double loaded;
        await using (var loader = await WarehouseLoader.OpenAsync(store, options, steps))
        {
            summary = await loader.LoadPendingAsync();
            loaded = clock.Elapsed.TotalSeconds;
        }

        // Closing included: DuckDB writes what its last commits left in the write-ahead log to the file then.
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var server = postmaster is { } p ? $", PostgreSQL server CPU {ServerCpu.Seconds(p) - serverCpu:F1} s" : "";
        var rows = summary.Facts + summary.Rejected;
        Console.WriteLine($"{backend} load: {rows:N0} rows ({summary.Facts:N0} facts) in {summary.Loaded} batches, {seconds:F1} s (close {seconds - loaded:F1} s) = {rows / seconds:N0} rows/s (with manifest, merge and rollups)");
        Console.WriteLine($"{backend} load CPU: this process {cpuSeconds:F1} s{server} (the machine's other load moves wall time more than CPU time); load average {File.ReadAllText("/proc/loadavg")[..14]}");
        steps.Print(backend);
        if (Environment.GetEnvironmentVariable("CARTSTREAM_BENCH_LOAD_ONLY") == "1")
        {
            return;
        }

        await QueryLatency.MeasureAsync(backend, options);
    }

    private static void BareDuckDb(string lake)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET threads = 2";
        command.ExecuteNonQuery();
        var clock = Stopwatch.StartNew();
        command.CommandText = $"CREATE TABLE f AS SELECT * FROM read_parquet('{lake}/DWH/fact_sales/*/*.parquet')";
        command.ExecuteNonQuery();
        var seconds = clock.Elapsed.TotalSeconds;
        command.CommandText = "SELECT count(*) FROM f";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        Console.WriteLine($"DuckDB bare CREATE TABLE AS read_parquet (facts only, no bookkeeping): {rows:N0} rows in {seconds:F1} s = {rows / seconds:N0} rows/s");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
