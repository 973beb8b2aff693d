using System.Text.Json;
using CartStream.Testing;
using Microsoft.Playwright;

namespace CartStream.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright, headless: one page per test, its console errors collected, axe-core
/// (tests/npm-axe) injected on demand, screenshots saved under the test binaries' screenshots/ folder.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions of the page.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<Browser> OpenAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        return new Browser(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Waits until the page has finished <paramref name="refreshes"/> refreshes (each one sets body[data-loaded]).</summary>
    public Task WaitForRefreshAsync(int refreshes = 1) =>
        Page.WaitForFunctionAsync($"() => Number(document.body.dataset.loaded || 0) >= {refreshes}", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

    /// <summary>The serious and critical violations axe-core finds on the page.</summary>
    public async Task<List<string>> SeriousAccessibilityViolationsAsync()
    {
        await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(RepoPaths.NpmTools("npm-axe"), "node_modules", "axe-core", "axe.min.js") });
        var violations = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        return [.. violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {v.GetProperty("nodes")}")];
    }

    public async Task ScreenshotAsync(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    /// <summary>The exact values (data-value) of one column of a table, row by row.</summary>
    public async Task<List<string>> ColumnAsync(string table, string column) =>
        [.. await Page.Locator($"#{table} tbody td[data-col='{column}']").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value ?? c.textContent)")];

    public async Task<decimal> TileAsync(string key) =>
        decimal.Parse(await Page.Locator($"[data-kpi='{key}']").First.GetAttributeAsync("data-value") ?? "", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
