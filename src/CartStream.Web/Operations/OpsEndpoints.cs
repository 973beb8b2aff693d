using CartStream.Monitoring.Alerts;
using CartStream.Monitoring.Metrics;
using CartStream.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartStream.Web.Operations;

/// <summary>The operations page's API: the process's instruments, its alerts, and the log files.</summary>
public static class OpsEndpoints
{
    /// <summary>Maps <c>GET /api/ops</c> and <c>GET /api/ops/logs</c>.</summary>
    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/ops", (OpsSampler sampler, AlertFeed feed, IServiceProvider services) =>
        {
            var latest = sampler.Sample();
            var monitor = services.GetService<AlertMonitor>();
            var firing = feed.Firing;
            if (monitor is not null)
            {
                // The monitor knows exactly what fires now; the feed may still hold a firing whose resolution fell in its cooldown.
                var now = monitor.Firing.ToHashSet(StringComparer.Ordinal);
                firing = [.. firing.Where(f => now.Contains(f.Rule))];
            }

            return TypedResults.Ok(new OpsStatus(
                latest.At,
                OpsSampler.Throughput(sampler.History),
                latest.Value(PipelineMetricNames.SinkConsumerLag, SeriesCombine.Sum),
                Series(latest, PipelineMetricNames.SinkConsumerLag),
                [.. Series(latest, PipelineMetricNames.TransformRejected).Select(s => s with { Series = s.Series.Length == 0 ? "transform (all reasons)" : s.Series }),
                 .. Series(latest, "cartstream.sink.dead_letters").Select(s => s with { Series = "sink dead letters (not Avro)" })],
                latest.Value(PipelineMetricNames.Freshness, SeriesCombine.Max),
                firing,
                feed.History));
        });

        endpoints.MapGet("/api/ops/logs", Results<Ok<LogsResponse>, ValidationProblem> (WebAppOptions options, string? level, string? service, string? q, string? limit) =>
        {
            var errors = new Dictionary<string, string[]>();
            var minimum = string.IsNullOrWhiteSpace(level) ? "warn" : level.Trim();
            if (LogFileReader.Rank(minimum) < 0)
            {
                errors["level"] = [$"Unknown level '{level}': use one of {string.Join(", ", LogFileReader.Levels)}."];
            }

            var n = ApiRequest.Integer(limit, "limit", 1, 1000, 100, errors);
            if (errors.Count > 0)
            {
                return ApiRequest.Problem(errors);
            }

            return TypedResults.Ok(new LogsResponse(
                LogFileReader.Services(options.LogDirectory),
                LogFileReader.Read(options.LogDirectory, minimum, service, q, n)));
        });
        return endpoints;
    }

    private static List<SeriesValue> Series(MetricSnapshot snapshot, string metric) =>
        snapshot.Series.TryGetValue(metric, out var series)
            ? [.. series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SeriesValue(s.Key, s.Value))]
            : [];
}
