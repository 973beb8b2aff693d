using CartStream.Web.WhatIf;

namespace CartStream.Web.Tests;

/// <summary>The What-If formula, and the endpoint that applies it to the warehouse's baseline.</summary>
public sealed class WhatIfTests(DashboardServer server)
{
    private static readonly WhatIfBaseline Toys = new("Toys", 1_000m, 400m, 50);

    [Fact]
    public void No_change_projects_the_baseline()
    {
        var line = WhatIfModel.Line(Toys, WhatIfLevers.None);

        Assert.Equal((1_000m, 400m, 50m), (line.ProjectedRevenue, line.ProjectedMargin, line.ProjectedUnits));
    }

    [Fact]
    public void A_ten_percent_price_rise_with_unit_elasticity_keeps_revenue_and_raises_margin_by_the_saved_cost()
    {
        // f = 1.1, q = 1.1^-1: revenue 1000 x 1.1 / 1.1 = 1000; cost 600 / 1.1 = 545.45; margin 454.55; units 45.45.
        var line = WhatIfModel.Line(Toys, new WhatIfLevers(10, 0, -1, 0));

        Assert.Equal((1_000m, 454.55m, 45.45m), (line.ProjectedRevenue, line.ProjectedMargin, line.ProjectedUnits));
    }

    [Fact]
    public void Discount_and_volume_growth_multiply_as_the_formula_says()
    {
        // f = 1 x 0.8 = 0.8, q = 1.5 x 0.8^0 = 1.5: revenue 1000 x 0.8 x 1.5 = 1200; cost 600 x 1.5 = 900; margin 300; units 75.
        var line = WhatIfModel.Line(Toys, new WhatIfLevers(0, 20, 0, 50));

        Assert.Equal((1_200m, 300m, 75m), (line.ProjectedRevenue, line.ProjectedMargin, line.ProjectedUnits));
    }

    [Fact]
    public async Task The_endpoint_projects_the_warehouse_baseline_with_overall_levers_and_a_category_override()
    {
        var slice = new Slice(server.FirstDay, server.LastDay);
        var categories = server.Sql.TopCategories(slice, 100);
        var special = categories[0].Name;
        var overall = new WhatIfLevers(5, 10, -1.2m, 3);
        var own = overall with { PriceChangePercent = -20 };
        var result = await server.GetAsync($"/api/whatif?{slice.Query}&priceChange=5&discount=10&elasticity=-1.2&volumeGrowth=3&priceChange[{Uri.EscapeDataString(special)}]=-20");

        var expected = categories.Select(c =>
        {
            var margin = server.Sql.Sum(slice with { Category = c.Name }).Margin;
            return WhatIfModel.Line(new WhatIfBaseline(c.Name, c.Revenue, margin, c.Count), c.Name == special ? own : overall);
        }).ToList();
        var lines = result.GetProperty("categories").EnumerateArray().ToDictionary(l => l.GetProperty("category").GetString()!);
        Assert.Equal(expected.Count, lines.Count);
        foreach (var line in expected)
        {
            var actual = lines[line.Category];
            Assert.Equal(line.BaselineRevenue, actual.GetProperty("baselineRevenue").GetDecimal());
            Assert.Equal(line.BaselineMargin, actual.GetProperty("baselineMargin").GetDecimal());
            Assert.Equal(line.ProjectedRevenue, actual.GetProperty("projectedRevenue").GetDecimal());
            Assert.Equal(line.ProjectedMargin, actual.GetProperty("projectedMargin").GetDecimal());
            Assert.Equal(line.ProjectedUnits, actual.GetProperty("projectedUnits").GetDecimal());
        }

        Assert.Equal(expected.Sum(l => l.ProjectedRevenue), result.GetProperty("total").GetProperty("projectedRevenue").GetDecimal());
        Assert.Equal(server.Sql.Sum(slice).Revenue, result.GetProperty("total").GetProperty("baselineRevenue").GetDecimal());
    }
}
