using CartStream.Web.Api;
using CartStream.Warehouse.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartStream.Web.WhatIf;

/// <summary>The What-If page's API: the scenario in the query string, the baseline from the warehouse.</summary>
public static class WhatIfEndpoints
{
    /// <summary>Maps <c>GET /api/whatif</c>.</summary>
    public static IEndpointRouteBuilder MapWhatIfApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/whatif", async Task<Results<Ok<WhatIfResult>, ValidationProblem>> (
            ApiRequest request, CatalogCache catalog, HttpRequest http, [AsParameters] FilterQuery query, CancellationToken ct) =>
        {
            var known = await catalog.GetAsync(ct);
            var errors = new Dictionary<string, string[]>();
            var (overall, perCategory) = WhatIfParameters.Parse(http.Query, known.Categories, errors);
            return await request.AnswerAsync(query, async (filter, token) =>
                WhatIfModel.Project(await BaselineAsync(request.Pool, filter, token), overall, perCategory), ct, errors);
        });
        return endpoints;
    }

    /// <summary>Revenue and units per category, and each category's margin, through the query layer.</summary>
    public static async Task<IReadOnlyList<WhatIfBaseline>> BaselineAsync(QueryPool pool, QueryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var categories = await pool.RunAsync((q, ct) => q.TopCategoriesAsync(filter, 10_000, ct), cancellationToken);
        var baseline = new List<WhatIfBaseline>(categories.Count);
        foreach (var category in categories)
        {
            var sales = await pool.RunAsync((q, ct) => q.SalesOverTimeAsync(filter with { Category = category.Key }, TimeBucket.Day, ct), cancellationToken);
            baseline.Add(new WhatIfBaseline(category.Key, category.Revenue, sales.Sum(s => s.Margin), category.Units));
        }

        return baseline;
    }
}
