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
            request.AnswerAsync(query, async (filter, token) =>
            {
                var previous = FilterValidation.Previous(filter);
                var sales = await request.Pool.RunAsync((q, t) => q.SalesOverTimeAsync(filter, TimeBucket.Day, t), token);
                var quality = await request.Pool.RunAsync((q, t) => q.RejectRateAsync(filter, t), token);
                var previousSales = await request.Pool.RunAsync((q, t) => q.SalesOverTimeAsync(previous, TimeBucket.Day, t), token);
                var previousQuality = await request.Pool.RunAsync((q, t) => q.RejectRateAsync(previous, t), token);
                return new KpiResponse(filter.From, filter.To.AddDays(-1), previous.From, previous.To.AddDays(-1), Kpis.Tiles(sales, quality, previousSales, previousQuality));
            }, ct));

        api.MapGet("/trend", (ApiRequest request, [AsParameters] FilterQuery query, string? bucket, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var asked = ApiRequest.Bucket(bucket, errors);
            return request.AnswerAsync(query, async (filter, token) =>
            {
                var effective = ApiRequest.Effective(asked, filter);
                var previous = FilterValidation.Previous(filter);
                var current = await request.Pool.RunAsync((q, t) => q.SalesOverTimeAsync(filter, effective, t), token);
                var before = await request.Pool.RunAsync((q, t) => q.SalesOverTimeAsync(previous, effective, t), token);
                return new TrendResponse(ApiRequest.Name(effective), filter.From, previous.From, current, before);
            }, ct, HourlyLimit(asked, query, errors));
        });

        api.MapGet("/top-products", (ApiRequest request, [AsParameters] FilterQuery query, string? limit, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var n = ApiRequest.Integer(limit, "limit", 1, 100, 10, errors);
            return request.AnswerAsync(query, (filter, token) => request.Pool.RunAsync((q, t) => q.TopProductsAsync(filter, n, t), token), ct, errors);
        });

        api.MapGet("/top-categories", (ApiRequest request, [AsParameters] FilterQuery query, string? limit, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var n = ApiRequest.Integer(limit, "limit", 1, 100, 10, errors);
            return request.AnswerAsync(query, (filter, token) => request.Pool.RunAsync((q, t) => q.TopCategoriesAsync(filter, n, t), token), ct, errors);
        });

        api.MapGet("/geography", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, async (filter, token) =>
            {
                var places = await request.Pool.RunAsync((q, t) => q.RevenueByPlaceAsync(filter, t), token);
                return Geography(filter, places);
            }, ct));

        api.MapGet("/payment-mix", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.Pool.RunAsync((q, t) => q.PaymentMixAsync(filter, t), token), ct));

        api.MapGet("/channel-mix", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.Pool.RunAsync((q, t) => q.ChannelMixAsync(filter, t), token), ct));

        api.MapGet("/customers", (ApiRequest request, [AsParameters] FilterQuery query, string? bucket, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var asked = ApiRequest.Bucket(bucket, errors);
            return request.AnswerAsync(query, async (filter, token) =>
            {
                var effective = ApiRequest.Effective(asked, filter);
                var series = await request.Pool.RunAsync((q, t) => q.NewVersusReturningAsync(filter, effective, t), token);
                return new CustomerMixResponse(ApiRequest.Name(effective), series.Sum(p => p.NewCustomers), series.Sum(p => p.ReturningOrders), series);
            }, ct, HourlyLimit(asked, query, errors));
        });

        api.MapGet("/reject-rate", (ApiRequest request, [AsParameters] FilterQuery query, CancellationToken ct) =>
            request.AnswerAsync(query, (filter, token) => request.Pool.RunAsync((q, t) => q.RejectRateAsync(filter, t), token), ct));

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
