using CartStream.Warehouse.Queries;

namespace CartStream.Web.Api;

/// <summary>The JSON behind every widget of the analyst page (docs/web.md lists them).</summary>
public static class AnalystEndpoints
{
    /// <summary>Maps <c>/api/*</c> for the analyst page.</summary>
    public static IEndpointRouteBuilder MapAnalystApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");

        api.MapGet("/filters", async (CatalogCache catalog, CancellationToken ct) => TypedResults.Ok(await catalog.GetAsync(ct)));

        api.MapGet("/kpis", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.AskAsync("kpis", filter, async (q, t) =>
            {
                // Both periods in one question each (the previous period ends where this one starts), split by day here.
                var previous = FilterValidation.Previous(filter);
                var both = filter with { From = previous.From };
                var sales = await q.SalesOverTimeAsync(both, TimeBucket.Day, t);
                var quality = await q.RejectRateAsync(both, t);
                var start = Start(filter);
                return new KpiResponse(filter.From, filter.To.AddDays(-1), previous.From, previous.To.AddDays(-1), Kpis.Tiles(
                    [.. sales.Where(s => s.Bucket >= start)], [.. quality.Where(r => r.Day >= filter.From)],
                    [.. sales.Where(s => s.Bucket < start)], [.. quality.Where(r => r.Day < filter.From)]));
            }, token), ct));

        api.MapGet("/trend", (ApiRequest request, [AsParameters] FilterQuery query, string? bucket, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var asked = ApiRequest.Bucket(bucket, errors);
            return request.AnswerAsync(query, (filter, token) =>
            {
                var effective = ApiRequest.Effective(asked, filter);
                return request.AskAsync("trend/" + ApiRequest.Name(effective), filter, async (q, t) =>
                {
                    var previous = FilterValidation.Previous(filter);
                    var both = await q.SalesOverTimeAsync(filter with { From = previous.From }, effective, t);
                    var start = Start(filter);
                    return new TrendResponse(ApiRequest.Name(effective), filter.From, previous.From, [.. both.Where(p => p.Bucket >= start)], [.. both.Where(p => p.Bucket < start)]);
                }, token);
            }, ct, HourlyLimit(asked, query, errors));
        });

        api.MapGet("/top-products", (ApiRequest request, [AsParameters] FilterQuery query, string? limit, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var n = ApiRequest.Integer(limit, "limit", 1, 100, 10, errors);
            return request.AnswerAsync(query, (filter, token) => request.AskAsync($"top-products/{n}", filter, (q, t) => q.TopProductsAsync(filter, n, t), token), ct, errors);
        });

        api.MapGet("/top-categories", (ApiRequest request, [AsParameters] FilterQuery query, string? limit, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var n = ApiRequest.Integer(limit, "limit", 1, 100, 10, errors);
            return request.AnswerAsync(query, (filter, token) => request.AskAsync($"top-categories/{n}", filter, (q, t) => q.TopCategoriesAsync(filter, n, t), token), ct, errors);
        });

        api.MapGet("/geography", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) =>
                request.AskAsync("geography", filter, async (q, t) => Geography(filter, await q.RevenueByPlaceAsync(filter, t)), token), ct));

        api.MapGet("/payment-mix", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.AskAsync("payment-mix", filter, (q, t) => q.PaymentMixAsync(filter, t), token), ct));

        api.MapGet("/channel-mix", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.AskAsync("channel-mix", filter, (q, t) => q.ChannelMixAsync(filter, t), token), ct));

        api.MapGet("/customers", (ApiRequest request, [AsParameters] FilterQuery query, string? bucket, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var asked = ApiRequest.Bucket(bucket, errors);
            return request.AnswerAsync(query, (filter, token) =>
            {
                var effective = ApiRequest.Effective(asked, filter);
                return request.AskAsync("customers/" + ApiRequest.Name(effective), filter, async (q, t) =>
                {
                    var series = await q.NewVersusReturningAsync(filter, effective, t);
                    return new CustomerMixResponse(ApiRequest.Name(effective), series.Sum(p => p.NewCustomers), series.Sum(p => p.ReturningOrders), series);
                }, token);
            }, ct, HourlyLimit(asked, query, errors));
        });

        api.MapGet("/reject-rate", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.AskAsync("reject-rate", filter, (q, t) => q.RejectRateAsync(filter, t), token), ct));

        return endpoints;
    }

    /// <summary>Countries (revenue summed over their cities), or the cities of the filtered country.</summary>
    public static GeographyResponse Geography(QueryFilter filter, IReadOnlyList<PlaceRevenue> places)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(places);
        if (filter.Country is { } country)
        {
            return new GeographyResponse("city", country, [.. places
                .Where(p => p.Country == country)
                .OrderByDescending(p => p.Revenue).ThenBy(p => p.City, StringComparer.Ordinal)
                .Select(p => new GeographyRow(p.Country, p.City, p.Revenue, p.Orders))]);
        }

        return new GeographyResponse("country", null, [.. places
            .GroupBy(p => p.Country, StringComparer.Ordinal)
            .Select(g => new GeographyRow(g.Key, null, g.Sum(p => p.Revenue), g.Sum(p => p.Orders)))
            .OrderByDescending(r => r.Revenue).ThenBy(r => r.Country, StringComparer.Ordinal)]);
    }

    // The first instant of the filtered period: buckets before it belong to the previous period.
    private static DateTime Start(QueryFilter filter) => filter.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static Dictionary<string, string[]> HourlyLimit(TimeBucket? asked, FilterQuery query, Dictionary<string, string[]> errors)
    {
        if (asked == TimeBucket.Hour
            && DateOnly.TryParse(query.From, System.Globalization.CultureInfo.InvariantCulture, out var from)
            && DateOnly.TryParse(query.To, System.Globalization.CultureInfo.InvariantCulture, out var to)
            && to.DayNumber - from.DayNumber + 1 > ApiRequest.MaxHourlyDays)
        {
            errors["bucket"] = [$"Hourly buckets are limited to {ApiRequest.MaxHourlyDays} days; use bucket=day for longer ranges."];
        }

        return errors;
    }
}
