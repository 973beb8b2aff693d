using System.Diagnostics;
using CartStream.Warehouse.Queries;

namespace CartStream.Warehouse.Benchmark;

/// <summary>Times every dashboard question 40 times after one warm-up, over all days and over a narrow filter.</summary>
internal static class QueryLatency
{
    private const int Repeats = 40;

    public static async Task MeasureAsync(string backend, WarehouseOptions options)
    {
        await using var queries = await WarehouseQueries.OpenAsync(options);
        var all = new QueryFilter(new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1));
        var narrow = new QueryFilter(new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 10), "DE", null, "web");
        var cases = new (string Name, Func<QueryFilter, Task> Run)[]
        {
            ("sales by hour", f => queries.SalesOverTimeAsync(f, TimeBucket.Hour)),
            ("sales by day", f => queries.SalesOverTimeAsync(f, TimeBucket.Day)),
            ("top 10 products", f => queries.TopProductsAsync(f, 10)),
            ("top 5 categories", f => queries.TopCategoriesAsync(f, 5)),
            ("sales by category", f => queries.SalesByCategoryAsync(f)),
            ("revenue by country, city", f => queries.RevenueByPlaceAsync(f)),
            ("payment mix", f => queries.PaymentMixAsync(f)),
            ("channel mix", f => queries.ChannelMixAsync(f)),
            ("new vs returning by day", f => queries.NewVersusReturningAsync(f, TimeBucket.Day)),
            ("reject rate by day", f => queries.RejectRateAsync(f)),
        };
        var everything = new List<double>();
        foreach (var (name, run) in cases)
        {
            foreach (var (label, filter) in new[] { ("all", all), ("filtered", narrow) })
            {
                await run(filter);
                var times = new List<double>();
                for (var i = 0; i < Repeats; i++)
                {
                    var one = Stopwatch.StartNew();
                    await run(filter);
                    times.Add(one.Elapsed.TotalMilliseconds);
                }

                everything.AddRange(times);
                Console.WriteLine($"{backend} query {name,-26} {label,-8} p50 {Percentile(times, 0.50),7:F1} ms  p95 {Percentile(times, 0.95),7:F1} ms");
            }
        }

        Console.WriteLine($"{backend} all queries: p50 {Percentile(everything, 0.50):F1} ms, p95 {Percentile(everything, 0.95):F1} ms; load average {File.ReadAllText("/proc/loadavg")[..14]}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
