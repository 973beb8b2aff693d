namespace CartStream.Web.Tests;

/// <summary>The operations page in a real browser.</summary>
public sealed class OpsPageTests(DashboardServer server)
{
    [Fact]
    public async Task The_operations_page_shows_throughput_lag_alerts_and_log_errors_and_filters_the_logs()
    {
        await using var browser = await Browser.OpenAsync();
        await browser.Page.GotoAsync($"{server.BaseUrl}/ops");
        await browser.WaitForRefreshAsync();

        Assert.Equal(PipelineInstruments.LagPartition0 + PipelineInstruments.LagPartition1, await browser.TileAsync("lag"));
        Assert.Equal((decimal)PipelineInstruments.Freshness, await browser.TileAsync("freshness"));
        Assert.Equal(["sink", "transform"], await browser.ColumnAsync("throughput", "stage"));
        Assert.Equal(["reason=bad_price", "reason=no_customer"], await browser.ColumnAsync("rejects", "series"));
        await Microsoft.Playwright.Assertions.Expect(browser.Page.Locator("#firing tbody")).ToContainTextAsync(DashboardServer.AlertRule, new() { Timeout = 60_000 });
        Assert.Contains("Writing sales-events failed", await browser.ColumnAsync("logs", "message"));

        await browser.Page.GetByLabel("Lowest level").SelectOptionAsync("error");
        await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(browser.Page.Locator("#logs tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(["error"], await browser.ColumnAsync("logs", "level"));

        Assert.Empty(await browser.SeriousAccessibilityViolationsAsync());
        Assert.Empty(browser.Errors);
        await browser.ScreenshotAsync("ops");
    }
}
