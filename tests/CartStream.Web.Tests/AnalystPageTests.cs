using System.Globalization;

namespace CartStream.Web.Tests;

/// <summary>The analyst page in a real browser against the loaded dataset.</summary>
public sealed class AnalystPageTests(DashboardServer server)
{
    [Fact]
    public async Task Every_widget_shows_the_numbers_of_independent_SQL_with_no_console_error_and_no_serious_accessibility_violation()
    {
        await using var browser = await Browser.OpenAsync();
        var slice = new Slice(server.FirstDay, server.LastDay);
        await browser.Page.GotoAsync($"{server.BaseUrl}/?{slice.Query}");
        await browser.WaitForRefreshAsync();

        var sum = server.Sql.Sum(slice);
        Assert.Equal(sum.Revenue, await browser.TileAsync("revenue"));
        Assert.Equal(sum.Margin, await browser.TileAsync("margin"));
        Assert.Equal(sum.Orders, await browser.TileAsync("orders"));
        Assert.Equal(sum.Units, await browser.TileAsync("units"));
        Assert.Equal(server.Sql.RejectRate(slice.From, slice.To), await browser.TileAsync("rejectRate"));
        Assert.Equal(sum.NewCustomers, await browser.TileAsync("newCustomers"));
        Assert.Equal(sum.Orders - sum.NewCustomers, await browser.TileAsync("returningOrders"));
        Assert.Equal(Money(server.Sql.TopProducts(slice, 10)), await browser.ColumnAsync("top-products", "revenue"));
        Assert.Equal(Money(server.Sql.TopCategories(slice, 10)), await browser.ColumnAsync("top-categories", "revenue"));
        Assert.Equal(Money(server.Sql.Places(slice)), await browser.ColumnAsync("geography", "revenue"));
        Assert.Equal(Money(server.Sql.Mix("payment_method", slice)), await browser.ColumnAsync("payment-mix", "revenue"));
        Assert.Equal(Money(server.Sql.Mix("sales_channel", slice)), await browser.ColumnAsync("channel-mix", "revenue"));
        Assert.Equal(sum.Revenue, (await browser.ColumnAsync("trend", "revenue")).Sum(v => decimal.Parse(v, CultureInfo.InvariantCulture)));
        Assert.True(await browser.Page.Locator("#trend-chart path").CountAsync() >= 1, "the trend chart draws this period's line");
        Assert.Contains("$", await browser.Page.Locator("[data-kpi='revenue'] .value").TextContentAsync(), StringComparison.Ordinal);

        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.Errors);
        await browser.ScreenshotAsync("analyst");
    }

    [Fact]
    public async Task Choosing_a_country_changes_the_tiles_to_that_country_and_drills_the_geography_into_its_cities()
    {
        await using var browser = await Browser.OpenAsync();
        var slice = new Slice(server.FirstDay, server.LastDay);
        await browser.Page.GotoAsync($"{server.BaseUrl}/?{slice.Query}");
        await browser.WaitForRefreshAsync();
        var country = server.Sql.Places(slice)[1].Name;

        await browser.Page.GetByLabel("Country").SelectOptionAsync(country);
        await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await browser.WaitForRefreshAsync(2);

        var narrowed = slice with { Country = country };
        Assert.Equal(server.Sql.Sum(narrowed).Revenue, await browser.TileAsync("revenue"));
        Assert.Equal(server.Sql.Sum(narrowed).Orders, await browser.TileAsync("orders"));
        Assert.Equal(Money(server.Sql.Places(narrowed)), await browser.ColumnAsync("geography", "revenue"));
        Assert.Contains("country=" + country, browser.Page.Url, StringComparison.Ordinal);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_table_downloads_as_CSV_with_its_exact_values()
    {
        await using var browser = await Browser.OpenAsync();
        var slice = new Slice(server.FirstDay, server.LastDay);
        await browser.Page.GotoAsync($"{server.BaseUrl}/?{slice.Query}");
        await browser.WaitForRefreshAsync();

        var download = await browser.Page.RunAndWaitForDownloadAsync(() =>
            browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Download Categories by revenue as CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).ToList();

        Assert.Equal("top-categories.csv", download.SuggestedFilename);
        Assert.Equal("Category,Revenue (USD),Units", lines[0]);
        Assert.Equal(server.Sql.TopCategories(slice, 10).Select(c => $"{c.Name},{c.Revenue.ToString(CultureInfo.InvariantCulture)},{c.Count}"), lines.Skip(1));
    }

    private static List<string> Money(IEnumerable<IndependentSql.Row> rows) =>
        [.. rows.Select(r => r.Revenue.ToString(CultureInfo.InvariantCulture))];
}
