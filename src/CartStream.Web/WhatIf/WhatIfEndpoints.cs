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
                WhatIfModel.Project(await request.AskAsync("whatif-baseline", filter, (q, t) => BaselineAsync(q, filter, t), token), overall, perCategory), ct, errors);
        });
        return endpoints;
    }

    /// <summary>Revenue, margin and units per category, in one question to the query layer.</summary>
    public static async Task<IReadOnlyList<WhatIfBaseline>> BaselineAsync(IWarehouseQueries queries, QueryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var categories = await queries.SalesByCategoryAsync(filter, cancellationToken);
        return [.. categories.Select(c => new WhatIfBaseline(c.Category, c.Revenue, c.Margin, c.Units))];
    }
}
