using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using KoreaTimeline.Data;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>The timeline's filters, URL state, search, theme and accessibility in a real Chromium, among 500 other events.</summary>
public sealed class TimelineFilterBrowserTest
{
    private static async Task<(LargeTimelineAppFactory App, IPlaywright Playwright, IBrowser Browser, IPage Page)> StartAsync(int width = 1280, int height = 900)
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
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return (app, playwright, browser, await context.NewPageAsync());
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static Task ClickUntilUrlAsync(IPage page, ILocator target, Regex url) => BrowserHost.ClickUntilUrlAsync(page, target, url);

    private static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
    }

    [Fact]
    public async Task Actor_filter_lives_in_the_url_survives_reload_and_back_returns_to_it()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await GotoAsync(page, "/");
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(Web.Components.Pages.TimelinePage.PageSize);

        await ClickUntilUrlAsync(page, page.Locator("[data-testid=actor-facets] [data-actor=kim-jong-un]"), new Regex(@"\?actor=kim-jong-un$"));
        var kim = InventedTimeline.Specs.Count(s => s.Actors.Contains("kim-jong-un"));
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(kim);
        await Expect(page.Locator("[data-testid=actor-facets] [data-actor=kim-jong-un]")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(kim);
        await Expect(page.Locator("[data-testid=active-filters]")).ToContainTextAsync("Kim Jong-un");

        var target = app.Events[0];
        await page.GetByRole(AriaRole.Link, new() { Name = target.Title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/events/{target.Id}/{target.Slug}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        // Back is a navigation inside the reloaded page's circuit: let the circuit start first, as a reader would.
        await WaitInteractiveAsync(page);

        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(new Regex(@"/\?actor=kim-jong-un$"));
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(kim);

        // Clearing is one click, and back restores the filter again.
        await page.Locator("[data-testid=clear-all]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/$"));
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(Web.Components.Pages.TimelinePage.PageSize);
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(new Regex(@"\?actor=kim-jong-un$"));
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(kim);
    }

    [Fact]
    public async Task Search_marks_matches_and_hostile_input_never_breaks_the_page()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        await GotoAsync(page, "/");

        var search = page.Locator("input[data-testid=search]");
        await search.FillAsync("missile");
        await page.WaitForURLAsync(new Regex(@"\?q=missile$"));
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(2);
        await Expect(page.Locator(".event-card mark.search-match").First).ToHaveTextAsync(new Regex("[Mm]issile"));

        foreach (var hostile in new[] { "\"", "NOT missile OR", "title:x * ( ) ^", "<img src=x onerror=alert(1)>", "'; DROP TABLE Events; --", "a\u0001b" })
        {
            await search.FillAsync(hostile);
            await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal) || url.EndsWith('/'));
            await Expect(page.Locator("[data-testid=result-count], [data-testid=no-match]").First).ToBeVisibleAsync();
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Expect(page.Locator("[data-testid=timeline-error]")).ToHaveCountAsync(0);
        }
        await Expect(page.Locator("img[src=x]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_open_timeline_shows_new_events_when_an_import_commits()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        await GotoAsync(page, "/?actor=north-korea");
        var before = InventedTimeline.Specs.Count(s => s.Actors.Contains("north-korea"));
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(before);

        var contexts = app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var northKorea = await db.Actors.SingleAsync(a => a.Slug == "north-korea", Xunit.TestContext.Current.CancellationToken);
            db.Events.Add(new Data.Entities.Event
            {
                Title = "Freshly imported invented launch",
                Slug = "freshly-imported-invented-launch",
                Type = Extraction.Pipeline.EventType.MissileTest,
                Start = new DateOnly(2024, 5, 1),
                End = new DateOnly(2024, 5, 1),
                Precision = Extraction.Pipeline.DatePrecision.Day,
                Actors = [new Data.Entities.EventActor { Actor = northKorea }],
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        app.Services.GetRequiredService<TimelineChanges>().NotifyChanged();

        await Expect(page.Locator(".event-card")).ToHaveCountAsync(before + 1);
        await Expect(page.Locator(".event-card").First).ToContainTextAsync("Freshly imported invented launch");
    }

    [Fact]
    public async Task Dark_theme_persists_across_reloads()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        await GotoAsync(page, "/");

        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        // The toggle swaps the shared palette stylesheet at once.
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(18, 20, 23)");
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        // Prerendered dark: the first HTML already carries the dark palette, before the circuit connects.
        await Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 20, 23)", background);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Pages_have_no_serious_or_critical_accessibility_violations(string theme)
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        await page.Context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Domain = "127.0.0.1", Path = "/" }]);
        var e = app.Events[0];
        var articleId = e.Evidence[0].ArticleId;

        var problems = new List<string>();
        foreach (var path in new[] { "/", "/?q=summit&actor=kim-jong-un", "/?from=2019-13&to=2018-06", $"/events/{e.Id}/{e.Slug}", "/actors/kim-jong-un", $"/articles/{articleId}" })
        {
            await GotoAsync(page, path);
            var results = await page.RunAxe();
            problems.AddRange(results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("light", 1280, 900, "desktop")]
    [InlineData("dark", 1280, 900, "desktop")]
    [InlineData("light", 360, 800, "phone")]
    [InlineData("dark", 360, 800, "phone")]
    public async Task Screenshots_for_the_readme(string theme, int width, int height, string device)
    {
        var (app, playwright, browser, page) = await StartAsync(width, height);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        await page.Context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Domain = "127.0.0.1", Path = "/" }]);

        await GotoAsync(page, "/?q=summit");
        await Expect(page.Locator(".event-card").First).ToBeVisibleAsync();
        var width360 = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width360 <= width, $"the page is {width360} px wide on a {width} px screen");

        var file = Path.Combine(RepositoryPaths.Root, "docs", $"timeline-{theme}-{device}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = false });
        Assert.True(new FileInfo(file).Length > 10_000);
    }
}
