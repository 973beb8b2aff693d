using System.Globalization;
using CartStream.Web.WhatIf;

namespace CartStream.Web.Tests;

/// <summary>The What-If page in a real browser.</summary>
public sealed class WhatIfPageTests(DashboardServer server)
{
    [Fact]
    public async Task Moving_a_lever_changes_the_projection_to_the_formula_value_and_the_link_reproduces_it()
    {
        await using var browser = await Browser.OpenAsync();
        var slice = new Slice(server.FirstDay, server.LastDay);
        await browser.Page.GotoAsync($"{server.BaseUrl}/whatif?{slice.Query}");
        await browser.WaitForRefreshAsync();
        var sum = server.Sql.Sum(slice);
        Assert.Equal(sum.Revenue, decimal.Parse(await browser.Page.Locator("[data-kpi='revenue']").GetAttributeAsync("data-baseline") ?? "", CultureInfo.InvariantCulture));

        await browser.Page.GetByLabel("Price change (%), -90 to 200").FillAsync("10");
        await browser.WaitForRefreshAsync(2);
        await browser.Page.GetByLabel("Volume growth (%), -100 to 500").FillAsync("5");
        await browser.WaitForRefreshAsync(3);

        var levers = new WhatIfLevers(10, 0, -1.2m, 5);
        var expected = server.Sql.TopCategories(slice, 100)
            .Select(c => WhatIfModel.Line(new WhatIfBaseline(c.Name, c.Revenue, server.Sql.Sum(slice with { Category = c.Name }).Margin, c.Count), levers))
            .ToList();
        Assert.Equal(expected.Sum(l => l.ProjectedRevenue), await browser.TileAsync("revenue"));
        Assert.Equal(expected.Sum(l => l.ProjectedMargin), await browser.TileAsync("margin"));
        Assert.Contains("margin' = revenue' - cost x q", await browser.Page.Locator("#formula").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("priceChange=10", browser.Page.Url, StringComparison.Ordinal);

        await using var second = await Browser.OpenAsync();
        await second.Page.GotoAsync(browser.Page.Url);
        await second.WaitForRefreshAsync();
        Assert.Equal(expected.Sum(l => l.ProjectedRevenue), await second.TileAsync("revenue"));
        Assert.Equal("10", await second.Page.GetByLabel("Price change (%), -90 to 200").InputValueAsync());

        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.Errors);
        Assert.Empty(second.Errors);
        await browser.ScreenshotAsync("whatif");
    }

    [Fact]
    public async Task An_out_of_range_lever_shows_the_servers_message()
    {
        await using var browser = await Browser.OpenAsync();
        await browser.Page.GotoAsync($"{server.BaseUrl}/whatif?{new Slice(server.FirstDay, server.LastDay).Query}&discount=95");

        await Microsoft.Playwright.Assertions.Expect(browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("discount = 95 is out of range");
        Assert.Equal(0.ToString(CultureInfo.InvariantCulture), await browser.Page.EvaluateAsync<string>("() => document.body.dataset.loaded ?? '0'"));
    }
}
