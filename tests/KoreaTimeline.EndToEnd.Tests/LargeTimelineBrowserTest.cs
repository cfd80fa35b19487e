using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// The timeline at real size (512 events) in a real Chromium: every page becomes interactive (the circuit starts),
/// filters change the list and the URL, "load more" pages on, and a lost circuit says so on screen.
/// </summary>
public sealed class LargeTimelineBrowserTest
{
    private static async Task<(LargeTimelineAppFactory App, IPlaywright Playwright, IBrowser Browser, IPage Page, List<string> Console)> StartAsync()
    {
        var chromium = BrowserHost.RequireChromium();
        var app = new LargeTimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        return (app, playwright, browser, page, console);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    [Fact]
    public async Task The_full_timeline_becomes_interactive_filters_change_the_list_and_url_and_load_more_pages_on()
    {
        var (app, playwright, browser, page, console) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=result-count]")).ToContainTextAsync($"{app.TotalEvents} events");
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(50);

        // Load more: the circuit answers the click with the next page.
        await page.Locator("[data-testid=load-more]").ClickAsync();
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(100);
        await Expect(page.Locator("[data-testid=result-count]")).ToContainTextAsync("(showing 100)");

        // A filter click navigates: the URL and the list change.
        var china = page.Locator("[data-testid=actor-facets] [data-actor=china]");
        await BrowserHost.ClickUntilUrlAsync(page, china, new Regex(@"/\?actor=china$"));
        await WaitInteractiveAsync(page);
        await Expect(china).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("[data-testid=result-count]")).Not.ToContainTextAsync($"{app.TotalEvents} events");
        await Expect(page.Locator("[data-testid=active-filters]")).ToContainTextAsync("China");

        Assert.DoesNotContain(console, line => line.Contains("Connection disconnected", StringComparison.OrdinalIgnoreCase));
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData("/?sort=date-asc")]
    [InlineData("/actors/china")]
    [InlineData("/?q=china")]
    public async Task Large_pages_become_interactive_and_load_more(string path)
    {
        var (app, playwright, browser, page, _) = await StartAsync();
        await using var __ = app;
        using var ___ = playwright;
        await using var ____ = browser;

        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        var before = await page.Locator(".event-card").CountAsync();
        Assert.Equal(50, before);
        await page.Locator("[data-testid=load-more]").ClickAsync();
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(100);
    }

    [Fact]
    public async Task A_circuit_that_cannot_connect_shows_a_visible_reload_prompt()
    {
        var (app, playwright, browser, page, _) = await StartAsync();
        await using var __ = app;
        using var ___ = playwright;
        await using var ____ = browser;

        // Every circuit connection is refused once the page is up: the reader must be told, not left with a dead page.
        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws => ws.CloseAsync());
        // Nor may the reconnection fall back to server-sent events or long polling over plain requests.
        await page.RouteAsync(new Regex("/_blazor"), route => route.AbortAsync());
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        var modal = page.Locator("#components-reconnect-modal");
        await Expect(modal).ToBeVisibleAsync();
        await Expect(modal.GetByRole(AriaRole.Button, new() { Name = "Reload" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Pages_work_under_the_content_security_policy_without_a_single_violation()
    {
        var (app, playwright, browser, page, console) = await StartAsync();
        await using var __ = app;
        using var ___ = playwright;
        await using var ____ = browser;

        var response = await page.GotoAsync("/");
        Assert.NotNull(response);
        var headers = await response.AllHeadersAsync();
        Assert.Equal(Web.Extensions.SecurityHeadersExtensions.ContentSecurityPolicy, headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.False(headers.ContainsKey("server"), "Kestrel names itself in a Server header");
        await WaitInteractiveAsync(page);

        // MudBlazor's JS (the Export menu's popover), the histogram's pointer events and the theme toggle's interop all run.
        await page.Locator("[data-testid=export-menu] button").First.ClickAsync();
        await Expect(page.Locator("[data-testid=export-csv]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        // One set of listeners on the bars' container (app.js) brings a drag from 2010 over 2011 to 2012 to the server.
        await Expect(page.Locator(".year-histogram-bars[data-listening]")).ToHaveCountAsync(1);
        await page.Locator(".year-histogram-bars [data-year='2010']").DispatchEventAsync("pointerdown");
        await page.Locator(".year-histogram-bars [data-year='2011']").DispatchEventAsync("pointerover");
        await Expect(page.Locator(".year-histogram-bars [data-year='2011']")).ToHaveClassAsync(new Regex("selected"));
        await page.Locator(".year-histogram-bars [data-year='2012']").DispatchEventAsync("pointerup");
        await page.WaitForURLAsync(new Regex(@"from=2010-01-01&to=2012-12-31"), new() { WaitUntil = WaitUntilState.Commit });
        await WaitInteractiveAsync(page);
        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "theme" && c.Value == "dark");

        var e = app.Events[0];
        foreach (var path in new[] { $"/events/{e.Id}/{e.Slug}", "/actors/china", $"/articles/{e.Evidence[0].ArticleId}", "/?q=china&sort=date-asc" })
        {
            await page.GotoAsync(path);
            await WaitInteractiveAsync(page);
        }

        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(console, line => line.StartsWith("error:", StringComparison.Ordinal));
    }
}
